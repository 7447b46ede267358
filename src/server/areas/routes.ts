/** Every area's routes, registered in one place. */
import type { Deps } from '../deps';
import type { App } from '../http/types';

export function registerAreaRoutes(app: App, deps: Deps): void {
  void app;
  void deps;
}
