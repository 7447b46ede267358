import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type Db } from '../db/connect';
import { buildApp } from './app';
import { inject } from '../test/world';
import type { FastifyInstance } from 'fastify';

describe('serving the web app', () => {
  const webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-web-'));
  let db: Db;
  let app: FastifyInstance;
  beforeAll(async () => {
    fs.mkdirSync(path.join(webDir, 'assets'));
    fs.writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>Tandem</title>');
    fs.writeFileSync(path.join(webDir, 'assets', 'app.js'), 'console.log(1)');
    db = await connect({ memory: true });
    app = await buildApp({ db, webDir });
  });
  afterAll(async () => {
    await app.close();
    await db.close();
    fs.rmSync(webDir, { recursive: true, force: true });
  });

  it('serves files, the app shell for client-side routes, and 404 for missing files and API paths', async () => {
    expect((await inject(app, { method: 'GET', url: '/assets/app.js' })).body).toBe('console.log(1)');
    const route = await inject(app, { method: 'GET', url: '/goals/123?tab=x' });
    expect(route.status).toBe(200);
    expect(String(route.body)).toContain('<title>Tandem</title>');
    expect((await inject(app, { method: 'GET', url: '/assets/missing.js' })).status).toBe(404);
    expect((await inject(app, { method: 'GET', url: '/api/missing' })).body).toMatchObject({
      error: { code: 'not_found' },
    });
  });
});
