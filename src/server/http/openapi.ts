/** The OpenAPI 3 document at /api/openapi.json (from the routes' zod schemas) and browsable docs at /api/docs. */
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Tandem API',
        version: '0.1.0',
        description:
          'Leadership and management in one system. Authenticate with the session cookie (browsers; send ' +
          'x-csrf-token on writes) or a personal API token: `Authorization: Bearer tnd_…`. Errors have one ' +
          'shape: `{ error: { code, message, details? } }`. Editable records carry a `version` that goes up ' +
          'by one with every change: send it back in a PATCH or PUT body and an edit made from an older ' +
          'version writes nothing and answers 409 `edit_conflict` with `details.currentVersion` (the ' +
          'If-Match of this API). Without `version` an edit is written whatever changed in between: the ' +
          'last write wins, as scripts expect.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          session: { type: 'apiKey', in: 'cookie', name: 'tandem_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () =>
    app.swagger(),
  );
}
