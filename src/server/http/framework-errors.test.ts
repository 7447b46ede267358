/**
 * Every error has the one documented shape `{ error: { code, message, details? } }` — also the ones
 * no route raises: what the router refuses (a path that is not valid percent-encoding, a path value
 * beyond maxParamLength), what Fastify's body parsing refuses (content type, empty or oversized or
 * malformed JSON), and what Node's HTTP parser refuses before Fastify sees anything (headers or a URL
 * over 16 kB, bytes that are not HTTP). The last need a real socket: `inject` skips the parser.
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes } from '../../core/errors';
import { describeBackends } from '../../test/backends';
import { inject, makeWorld, type World } from '../../test/world';
import { statusByCode } from './errors';

function expectErrorShape(res: { status: number; body: unknown }, status: number, code: string): void {
  expect({ status: res.status, body: res.body }).toMatchObject({ status, body: { error: { code } } });
  expect(typeof (res.body as { error: { message: unknown } }).error.message).toBe('string');
  expect(Object.keys(res.body as object)).toEqual(['error']);
  expect(statusByCode[code as keyof typeof statusByCode]).toBe(status);
}

/** Sends raw bytes to the server and reads the whole answer (the server closes the connection). */
function rawRequest(port: number, bytes: string): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head = '', body = ''] = text.split('\r\n\r\n');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0);
      let parsed: unknown = body;
      try {
        parsed = JSON.parse(body);
      } catch {
        // not JSON: the assertion on the shape reports it
      }
      resolve({ status, body: parsed });
    });
    socket.write(bytes);
  });
}

describe('the error codes', () => {
  it('give every code an error status (4xx or 5xx)', () => {
    for (const code of errorCodes) expect(statusByCode[code]).toBeGreaterThanOrEqual(400);
  });
});

describeBackends('framework errors in the one shape', (backend) => {
  let world: World;
  let auth: { authorization: string };
  let port: number;
  beforeAll(async () => {
    world = await makeWorld(backend);
    auth = { authorization: `Bearer ${world.a.as.owner.token}` };
    await world.app.listen({ port: 0, host: '127.0.0.1' });
    port = (world.app.server.address() as net.AddressInfo).port;
  });
  afterAll(async () => world.close());

  it('answers a path that is not valid percent-encoding (%FF) with 400 bad_request', async () => {
    const res = await inject(world.app, { method: 'GET', url: '/api/goals/%FF', headers: auth });
    expectErrorShape(res, 400, 'bad_request');
    // answered before the app's hooks run, it still carries the essentials they would have set
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(String(res.headers['x-request-id'])).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers a path value longer than maxParamLength with 414 uri_too_long', async () => {
    const res = await inject(world.app, {
      method: 'GET',
      url: `/api/goals/${'a'.repeat(500)}`,
      headers: auth,
    });
    expectErrorShape(res, 414, 'uri_too_long');
  });

  it('answers a content type no parser reads with 415 unsupported_media_type', async () => {
    const res = await inject(world.app, {
      method: 'POST',
      url: '/api/goals',
      headers: { ...auth, 'content-type': 'application/xml' },
      payload: '<goal/>',
    });
    expectErrorShape(res, 415, 'unsupported_media_type');
  });

  it('answers an empty or malformed JSON body with 400 bad_request', async () => {
    for (const payload of ['', '{"kind": ', '{"__proto__": {"x": 1}}']) {
      const res = await inject(world.app, {
        method: 'POST',
        url: '/api/goals',
        headers: { ...auth, 'content-type': 'application/json' },
        payload,
      });
      expectErrorShape(res, 400, 'bad_request');
    }
  });

  it('answers a body over the 1 MB limit with 413 payload_too_large', async () => {
    const res = await inject(world.app, {
      method: 'POST',
      url: '/api/goals',
      headers: { ...auth, 'content-type': 'application/json' },
      payload: JSON.stringify({ kind: 'objective', title: 'x'.repeat(1_100_000) }),
    });
    expectErrorShape(res, 413, 'payload_too_large');
  });

  it('answers a query string over the header limit with 431 headers_too_large (real socket)', async () => {
    const res = await rawRequest(
      port,
      `GET /api/goals?q=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: localhost\r\nAuthorization: ${auth.authorization}\r\n\r\n`,
    );
    expectErrorShape(res, 431, 'headers_too_large');
  });

  it('answers headers over the limit with 431 headers_too_large (real socket)', async () => {
    const res = await rawRequest(
      port,
      `GET /api/health HTTP/1.1\r\nHost: localhost\r\nX-Padding: ${'b'.repeat(20_000)}\r\n\r\n`,
    );
    expectErrorShape(res, 431, 'headers_too_large');
  });

  it('answers bytes that are not HTTP with 400 bad_request (real socket)', async () => {
    const res = await rawRequest(port, 'HELLO THERE\r\n\r\n');
    expectErrorShape(res, 400, 'bad_request');
  });

  it('still answers a well-formed request through the same socket path', async () => {
    const res = await rawRequest(
      port,
      'GET /api/health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n',
    );
    expect(res).toMatchObject({ status: 200, body: { status: 'ok' } });
  });
});
