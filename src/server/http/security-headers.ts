/**
 * The security headers of every answer — the app shell, its files, the API and its docs — as
 * @fastify/helmet writes them. The Content-Security-Policy is the second wall behind the web
 * app's own escaping: markup that ever slipped into a page could not run script, load from elsewhere
 * or send data elsewhere; and no other site may frame the app.
 */
import helmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import Fastify, { type FastifyInstance } from 'fastify';

/**
 * What the built app needs and no more. Vite emits scripts and styles as files (index.html has no
 * inline script), so scripts come from this origin only and no inline or eval'd code ever runs.
 * Relaxed, and why:
 * - style attributes ('unsafe-inline' for attributes only): ECharts writes its tooltips as HTML whose
 *   elements carry style attributes, and their colours and sizes vary, so no list of hashes can name
 *   them. (React's and the SVG renderer's styles are set through the DOM, which CSP does not limit.)
 *   Style elements still come from this origin only; `style-src` repeats the rule for browsers that
 *   do not know the -elem/-attr split. A style attribute cannot run script, and what it could load is
 *   held to img-src.
 * - img-src data:: the favicon is a data: URL in index.html; the API docs' icons are too.
 */
export const contentSecurityPolicy = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'style-src-elem': ["'self'"],
  'style-src-attr': ["'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
} as const satisfies Record<string, readonly string[]>;

/**
 * The API docs' page (Swagger UI at /api/docs) adds <style> elements of its own: its pages, and no
 * others, allow inline style elements. Its scripts are files, like the app's.
 */
export const docsContentSecurityPolicy = {
  ...contentSecurityPolicy,
  'style-src-elem': ["'self'", "'unsafe-inline'"],
} as const satisfies Record<string, readonly string[]>;

/** A policy as the header spells it (as helmet writes it). */
export function policyHeader(policy: Record<string, readonly string[]>): string {
  return Object.entries(policy)
    .map(([directive, sources]) => [directive, ...sources].join(' '))
    .join(';');
}

export interface SecurityHeadersOptions {
  /**
   * Whether the app is reached over HTTPS, as for Secure cookies: `true` always (behind HTTPS),
   * `'auto'` when the request came over TLS (directly, or as a trusted proxy says), `false` never.
   * HSTS is sent only then: over plain http, as on 127.0.0.1 in development, it has no business.
   */
  https: boolean | 'auto';
}

/** Helmet's options for the app: its defaults, with the policy above and the choices below. */
export function helmetOptions(): FastifyHelmetOptions {
  return {
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy },
    // sent per request below: helmet's setting cannot tell a request over TLS from one over http
    strictTransportSecurity: false,
    // frame-ancestors 'none' says the same to browsers that read CSP; this is for those that do not
    xFrameOptions: { action: 'deny' },
    // the app's own requests keep their Referer; links out of the app do not carry its URLs (ids) away
    referrerPolicy: { policy: 'same-origin' },
  };
}

/** 180 days; not for subdomains, which may be other people's services. */
export const hstsHeader = 'max-age=15552000';

/** Headers every answer has whether or not helmet runs. */
const ownHeaders = new Set(['content-type', 'content-length', 'date', 'connection', 'keep-alive']);

/**
 * The headers helmet writes with these options. They depend on nothing in the request (no CSP
 * nonces), but @fastify/helmet builds helmet's middleware anew for every request, which cost a few
 * percent of a small API answer: so they are taken once from a probe that runs it, and stay exactly
 * what helmet writes as it is upgraded.
 */
export async function helmetHeaders(options: FastifyHelmetOptions): Promise<Record<string, string>> {
  const probe = Fastify();
  await probe.register(helmet, options);
  probe.get('/', async () => '');
  const response = await probe.inject({ method: 'GET', url: '/' });
  await probe.close();
  return Object.fromEntries(
    Object.entries(response.headers)
      .filter(([name]) => !ownHeaders.has(name))
      .map(([name, value]) => [name, String(value)]),
  );
}

/** Registers the headers on every route of `app`; call it before any route is added. */
export async function registerSecurityHeaders(
  app: FastifyInstance,
  options: SecurityHeadersOptions,
): Promise<void> {
  const headers = await helmetHeaders(helmetOptions());
  const docsPolicy = policyHeader(docsContentSecurityPolicy);
  app.addHook('onRequest', async (request, reply) => {
    void reply.headers(headers);
    if (/^\/api\/docs(?:[/?]|$)/.test(request.url)) void reply.header('content-security-policy', docsPolicy);
    if (options.https === true || (options.https === 'auto' && request.protocol === 'https'))
      void reply.header('strict-transport-security', hstsHeader);
  });
}
