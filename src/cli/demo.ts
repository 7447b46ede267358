/** `tandem demo`: adds a generated organization of a chosen size to the configured database. */
import { connect } from '../db/connect';
import { createDemoOrganization, type CreateDemoOptions } from '../server/demo/create-demo';
import { demoLimits, firstStartDemo } from '../server/demo/generate';
import { systemClock } from '../server/providers/clock';
import { argon2Hasher } from '../server/providers/passwords';
import type { Output } from './output';
import { formatSignIn } from './sign-ins';
import { parseWholeNumber } from './usage-error';

export function demoOptions(flags: { people?: string; tasks?: string; seed?: string }): CreateDemoOptions {
  return {
    people:
      flags.people === undefined
        ? firstStartDemo.people
        : parseWholeNumber(flags.people, '--people', demoLimits.minPeople, demoLimits.maxPeople),
    tasks:
      flags.tasks === undefined
        ? firstStartDemo.tasks
        : parseWholeNumber(flags.tasks, '--tasks', demoLimits.minTasks, demoLimits.maxTasks),
    seed:
      flags.seed === undefined
        ? firstStartDemo.seed
        : parseWholeNumber(flags.seed, '--seed', 0, demoLimits.maxSeed),
  };
}

export async function runDemo(
  options: CreateDemoOptions & { dataDir: string | undefined; databaseUrl: string | undefined },
  out: Output,
): Promise<void> {
  const db = await connect({ databaseUrl: options.databaseUrl, dataDir: options.dataDir });
  try {
    const started = performance.now();
    const created = await createDemoOrganization(
      { db: db.db, clock: systemClock, passwords: argon2Hasher },
      { people: options.people, tasks: options.tasks, seed: options.seed },
    );
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const where = db.dataDir === null ? 'PostgreSQL' : `SQLite in ${db.dataDir}`;
    out.line(`Added the demo organization "${created.organizationName}" to ${where} in ${seconds} s.`);
    for (const signIn of created.signIns) out.line(formatSignIn(signIn));
    out.line(
      `Rows: ${Object.entries(created.counts)
        .map(([table, n]) => `${table} ${n}`)
        .join(', ')}.`,
    );
    out.line('These passwords are shown only now; keep them somewhere safe.');
  } finally {
    await db.close();
  }
}
