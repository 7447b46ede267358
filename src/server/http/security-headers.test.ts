import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../../db/connect';
import { inject, makeWorld, plainHasher, type World } from '../../test/world';
import { buildApp } from '../app';
import { contentSecurityPolicy, hstsHeader } from './security-headers';

// The database plays no part in which headers are sent: one backend is enough.
const sqlite = { name: 'sqlite' as const, connect: () => connect({ memory: true }) };

const expectedPolicy =
  "default-src 'self';script-src 'self';script-src-attr 'none';style-src 'self' 'unsafe-inline';" +
  "style-src-elem 'self';style-src-attr 'unsafe-inline';img-src 'self' data:;font-src 'self';" +
  "connect-src 'self';object-src 'none';base-uri 'self';form-action 'self';frame-ancestors 'none'";

type Headers = Record<string, string | string[] | number | undefined>;

function expectSecurityHeaders(headers: Headers, policy = expectedPolicy): void {
  expect(headers['content-security-policy']).toBe(policy);
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('same-origin');
  expect(headers['cross-origin-opener-policy']).toBe('same-origin');
  expect(headers['cross-origin-resource-policy']).toBe('same-origin');
}

describe('security headers', () => {
  let world: World;
  let web: FastifyInstance;
  let webDir: string;

  beforeAll(async () => {
    world = await makeWorld(sqlite);
    webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-web-'));
    fs.mkdirSync(path.join(webDir, 'assets'));
    fs.writeFileSync(
      path.join(webDir, 'index.html'),
      '<!doctype html><div id="root"></div><script type="module" src="/assets/app-1a2b.js"></script>',
    );
    fs.writeFileSync(path.join(webDir, 'assets', 'app-1a2b.js'), 'console.log("app")');
    // the same database as the world, so the world's API tokens work here too
    web = await buildApp({ db: world.db, clock: world.clock, passwords: plainHasher, webDir });
  });
  afterAll(async () => {
    await web?.close();
    await world?.close();
    fs.rmSync(webDir, { recursive: true, force: true });
  });

  it('the policy lets scripts come only from the app’s own files: no inline script, no eval', () => {
    expect(contentSecurityPolicy['script-src']).toEqual(["'self'"]);
    expect(JSON.stringify(contentSecurityPolicy)).not.toMatch(/unsafe-eval|\*|https:|http:/);
    expect(contentSecurityPolicy['style-src-elem']).toEqual(["'self'"]);
  });

  it('the app shell, at / and at a client-side route, carries every header', async () => {
    for (const url of ['/', '/workload']) {
      const res = await inject(web, { method: 'GET', url });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expectSecurityHeaders(res.headers);
    }
  });

  it('a static file of the built app carries every header', async () => {
    const res = await inject(web, { method: 'GET', url: '/assets/app-1a2b.js' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expectSecurityHeaders(res.headers);
  });

  it('API answers carry every header: success, refusal and not found', async () => {
    const goals = await world.a.as.owner.get('/api/goals');
    expect(goals.status).toBe(200);
    expectSecurityHeaders(goals.headers);
    const anonymous = await world.anonymous.get('/api/goals');
    expect(anonymous.status).toBe(401);
    expectSecurityHeaders(anonymous.headers);
    const missing = await inject(web, { method: 'GET', url: '/api/no-such-route' });
    expect(missing.status).toBe(404);
    expectSecurityHeaders(missing.headers);
  });

  it('the API docs carry every header, their policy allowing only Swagger UI’s own style elements more', async () => {
    const docsPolicy = expectedPolicy.replace(
      "style-src-elem 'self';",
      "style-src-elem 'self' 'unsafe-inline';",
    );
    for (const url of [
      '/api/docs',
      '/api/docs/',
      '/api/docs?x=1',
      '/api/docs/static/swagger-initializer.js',
    ]) {
      const res = await inject(web, { method: 'GET', url });
      expect(res.status).toBe(200);
      expectSecurityHeaders(res.headers, docsPolicy);
    }
    // a path that merely starts the same is not the docs
    const other = await inject(web, { method: 'GET', url: '/api/docsx' });
    expectSecurityHeaders(other.headers);
  });

  it('sends no HSTS over plain http, where it has no business (127.0.0.1 in development)', async () => {
    const res = await inject(web, { method: 'GET', url: '/' });
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('sends HSTS when the request came over TLS, as a trusted proxy says', async () => {
    const db = await connect({ memory: true });
    const app = await buildApp({ db, passwords: plainHasher, trustProxy: true });
    try {
      const https = await inject(app, {
        method: 'GET',
        url: '/api/health',
        headers: { 'x-forwarded-proto': 'https' },
      });
      expect(https.headers['strict-transport-security']).toBe(hstsHeader);
      const http = await inject(app, { method: 'GET', url: '/api/health' });
      expect(http.headers['strict-transport-security']).toBeUndefined();
    } finally {
      await app.close();
      await db.close();
    }
  });

  it('sends HSTS on every answer when the server is told it is always behind HTTPS', async () => {
    const db = await connect({ memory: true });
    const app = await buildApp({ db, passwords: plainHasher, secureCookies: true });
    try {
      const res = await inject(app, { method: 'GET', url: '/api/health' });
      expect(res.headers['strict-transport-security']).toBe(hstsHeader);
      expectSecurityHeaders(res.headers);
    } finally {
      await app.close();
      await db.close();
    }
  });
});
