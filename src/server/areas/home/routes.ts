import { home } from '../../../core/schemas/home';
import type { Deps } from '../../deps';
import { actorOf } from '../../http/auth';
import type { App } from '../../http/types';
import { getHome } from './get-home';

export function homeRoutes(app: App, deps: Deps): void {
  app.get('/api/home', { schema: { tags: ['home'], response: { 200: home } } }, async (req) =>
    getHome(deps, actorOf(req)),
  );
}
