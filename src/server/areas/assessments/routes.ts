import { idParams, page, pageQuery } from '../../../core/schemas/common';
import {
  answerRequestBody,
  createAssessmentRequestsBody,
  myAssessments,
  putSelfRatingsBody,
  requestForMe,
} from '../../../core/schemas/people-side';
import type { Deps } from '../../deps';
import { actorOf } from '../../http/auth';
import type { App } from '../../http/types';
import {
  closeRound,
  getMyAssessments,
  rateSelf,
  requestPeers,
  startRound,
  withdrawRequest,
} from './my-assessments';
import { answerRequest, declineRequest, listRequestsForMe } from './requests';

const tags = ['assessments'];

export function assessmentsRoutes(app: App, deps: Deps): void {
  app.get('/api/assessments/me', { schema: { tags, response: { 200: myAssessments } } }, async (request) =>
    getMyAssessments(deps, actorOf(request)),
  );
  app.post(
    '/api/assessments/me',
    { schema: { tags, response: { 201: myAssessments } } },
    async (request, reply) => reply.status(201).send(await startRound(deps, actorOf(request))),
  );
  app.put(
    '/api/assessments/me/self',
    { schema: { tags, body: putSelfRatingsBody, response: { 200: myAssessments } } },
    async (request) => rateSelf(deps, actorOf(request), request.body.ratings),
  );
  app.post(
    '/api/assessments/me/requests',
    { schema: { tags, body: createAssessmentRequestsBody, response: { 201: myAssessments } } },
    async (request, reply) =>
      reply.status(201).send(await requestPeers(deps, actorOf(request), request.body.reviewerIds)),
  );
  app.delete(
    '/api/assessments/me/requests/:id',
    { schema: { tags, params: idParams, response: { 200: myAssessments } } },
    async (request) => withdrawRequest(deps, actorOf(request), request.params.id),
  );
  app.post(
    '/api/assessments/me/close',
    { schema: { tags, response: { 200: myAssessments } } },
    async (request) => closeRound(deps, actorOf(request)),
  );
  app.get(
    '/api/assessment-requests',
    { schema: { tags, querystring: pageQuery, response: { 200: page(requestForMe) } } },
    async (request) => listRequestsForMe(deps, actorOf(request), request.query),
  );
  app.post(
    '/api/assessment-requests/:id/answer',
    { schema: { tags, params: idParams, body: answerRequestBody, response: { 200: requestForMe } } },
    async (request) => answerRequest(deps, actorOf(request), request.params.id, request.body.ratings),
  );
  app.post(
    '/api/assessment-requests/:id/decline',
    { schema: { tags, params: idParams, response: { 200: requestForMe } } },
    async (request) => declineRequest(deps, actorOf(request), request.params.id),
  );
}
