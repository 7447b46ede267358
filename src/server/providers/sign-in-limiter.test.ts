import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { connect, type Db } from '../../db/connect';
import { describeBackends } from '../../test/backends';
import { backoffSeconds, signInLimiterFor, signInRules } from './sign-in-limiter';

describe('backoffSeconds', () => {
  it('is free up to the allowance, then doubles from one second up to the cap', () => {
    expect([5, 6, 7, 8, 9].map((n) => backoffSeconds(n, 5, 900))).toEqual([0, 1, 2, 4, 8]);
    expect(backoffSeconds(40, 5, 900)).toBe(900);
    expect(backoffSeconds(1e9, 5, 900)).toBe(900);
  });
});

// In memory on SQLite, in the database on PostgreSQL (shared by every process): the same rules.
describeBackends('the sign-in limiter', (backend) => {
  let db: Db;
  beforeAll(async () => {
    db = await backend.connect();
  });
  afterAll(async () => db.close());
  beforeEach(async () => {
    await db.db.deleteFrom('sign_in_limits').execute();
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-03-02T09:00:00Z') });
  });
  afterEach(() => {
    vi.useRealTimers();
  });
  const signInLimiter = () => signInLimiterFor(db);
  const guesser = { ip: '10.0.0.9', account: 'ana@a.test' };

  it('makes a guesser wait longer after each failure past the free ones, and a success clears it', async () => {
    const limiter = signInLimiter();
    const waits: number[] = [];
    for (let i = 0; i < 9; i++) {
      // each try comes as soon as the last wait has passed
      vi.setSystemTime(Date.now() + (await limiter.waitSeconds(guesser)) * 1000);
      expect(await limiter.waitSeconds(guesser)).toBe(0);
      await limiter.failed(guesser);
      waits.push(await limiter.waitSeconds(guesser));
    }
    expect(waits).toEqual([0, 0, 0, 0, 0, 1, 2, 4, 8]);
    vi.setSystemTime(Date.now() + 8_000);
    await limiter.succeeded(guesser);
    await limiter.failed(guesser);
    expect(await limiter.waitSeconds(guesser)).toBe(0);
  });

  it('never makes the owner of the account wait for someone else’s failures on another address', async () => {
    const limiter = signInLimiter();
    for (let i = 0; i < 20; i++) await limiter.failed(guesser);
    expect(await limiter.waitSeconds(guesser)).toBeGreaterThan(0);
    expect(await limiter.waitSeconds({ ip: '10.0.0.1', account: guesser.account })).toBe(0);
  });

  it('slows an account guessed from many addresses only past a hundred failures in an hour', async () => {
    const limiter = signInLimiter();
    for (let i = 0; i < signInRules.accountFreeFailures; i++)
      await limiter.failed({ ip: `10.1.${Math.floor(i / 4)}.${i % 4}`, account: 'bo@a.test' });
    expect(await limiter.waitSeconds({ ip: '10.2.0.1', account: 'bo@a.test' })).toBe(0);
    await limiter.failed({ ip: '10.3.0.1', account: 'bo@a.test' });
    expect(await limiter.waitSeconds({ ip: '10.2.0.1', account: 'bo@a.test' })).toBe(1);
  });

  it('stops an address after 30 failures in 15 minutes until the window ends', async () => {
    const limiter = signInLimiter();
    for (let i = 0; i < signInRules.ipFailures; i++)
      await limiter.failed({ ip: '10.5.5.5', account: `x${i}@a.test` });
    const wait = await limiter.waitSeconds({ ip: '10.5.5.5', account: 'new@a.test' });
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(signInRules.ipWindowSeconds);
    vi.setSystemTime(Date.now() + signInRules.ipWindowSeconds * 1000 + 1000);
    expect(await limiter.waitSeconds({ ip: '10.5.5.5', account: 'new@a.test' })).toBe(0);
  });

  it.skipIf(backend.name !== 'postgres')(
    'counts failures made through two processes of one PostgreSQL database together',
    async () => {
      // a second pool on the same database stands for a second server process
      const second = await connect({ databaseUrl: db.databaseUrl!, poolSize: 2 });
      try {
        const [a, b] = [signInLimiterFor(db), signInLimiterFor(second)];
        const guesser = { ip: '10.7.0.1', account: 'cy@a.test' };
        for (let i = 0; i < signInRules.pairFreeFailures; i++) await (i % 2 === 0 ? a : b).failed(guesser);
        expect(await a.waitSeconds(guesser)).toBe(0);
        await b.failed(guesser);
        expect(await a.waitSeconds(guesser)).toBe(1);
        expect(await b.waitSeconds(guesser)).toBe(1);
        await a.succeeded(guesser);
        expect(await b.waitSeconds(guesser)).toBe(0);
      } finally {
        await second.close();
      }
    },
  );
});
