import { myPulse, pulseResults, pulseResultsQuery, putPulseBody } from '../../../core/schemas/people-side';
import type { Deps } from '../../deps';
import { actorOf } from '../../http/auth';
import type { App } from '../../http/types';
import { getPulseResults } from './get-pulse-results';
import { answerPulse, getMyPulse } from './my-pulse';

const tags = ['pulse'];

export function pulseRoutes(app: App, deps: Deps): void {
  app.get('/api/pulse/me', { schema: { tags, response: { 200: myPulse } } }, async (request) =>
    getMyPulse(deps, actorOf(request)),
  );
  app.put(
    '/api/pulse/me',
    { schema: { tags, body: putPulseBody, response: { 200: myPulse } } },
    async (request) => answerPulse(deps, actorOf(request), request.body),
  );
  app.get(
    '/api/pulse/results',
    { schema: { tags, querystring: pulseResultsQuery, response: { 200: pulseResults } } },
    async (request) => getPulseResults(deps, actorOf(request), request.query),
  );
}
