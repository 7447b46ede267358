import type { Deps } from '../../deps';
import type { App } from '../../http/types';

export function goalsRoutes(app: App, deps: Deps): void {
  void app;
  void deps;
}
