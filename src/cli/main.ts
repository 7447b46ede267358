/**
 * The `tandem` command line. Commands are thin: they parse flags and call src/cli/*.ts, which call the
 * same use cases as the HTTP API. Exit codes: 0 ok, 1 failure (printed without a stack), 2 bad usage.
 */
import { Command, CommanderError } from 'commander';
import { demoOptions, runDemo } from './demo';
import { consoleOutput } from './output';
import { planOptions, runPlan } from './plan';
import { runResetPassword } from './reset-password';
import { serveOptions, startServer, stopOnSignals } from './serve';
import { UsageError } from './usage-error';

function buildProgram(): Command {
  const program = new Command('tandem')
    .description('Tandem: leadership and management in one system.')
    .showHelpAfterError()
    .exitOverride();

  program
    .command('serve')
    .description('Serve the web app and the API (creates a demo organization on first start).')
    .option('--port <n>', 'port to listen on (env PORT, default 3000; 0 picks a free one)')
    .option('--host <host>', 'address to listen on (env HOST, default 127.0.0.1)')
    .option('--data-dir <dir>', 'SQLite data directory (env TANDEM_DATA_DIR, default ./data)')
    .option('--demo', 'create the demo organization when the database has none (the default)')
    .option('--no-demo', 'start without the demo: the first-run screen creates the organization')
    .option('--dev', 'development: log requests; run `npx vite` for the web app')
    .action(
      async (flags: { port?: string; host?: string; dataDir?: string; demo?: boolean; dev?: boolean }) => {
        const server = await startServer(serveOptions(flags, process.env), consoleOutput);
        stopOnSignals(server, consoleOutput);
      },
    );

  program
    .command('demo')
    .description('Add a generated demo organization of a chosen size to the configured database.')
    .option('--people <n>', 'number of people (8–2000, default 30)')
    .option('--tasks <n>', 'number of tasks (20–50000, default 400)')
    .option('--seed <n>', 'seed: the same seed gives the same organization (default 1)')
    .option('--data-dir <dir>', 'SQLite data directory (env TANDEM_DATA_DIR, default ./data)')
    .action(async (flags: { people?: string; tasks?: string; seed?: string; dataDir?: string }) => {
      const options = demoOptions(flags);
      await runDemo(
        {
          ...options,
          dataDir: flags.dataDir ?? (process.env.TANDEM_DATA_DIR || undefined),
          databaseUrl: process.env.DATABASE_URL || undefined,
        },
        consoleOutput,
      );
    });
  program
    .command('plan')
    .description('Plan projects (or the whole organization) with the planning engine and print the summary.')
    .option('--project <id...>', 'a project to plan (repeat for several; default: all open work)')
    .option('--org <id>', 'the organization (needed when the database has several)')
    .option('--apply', 'apply every change of the plan')
    .option('--time-ms <n>', 'time the engine may search, 500–60000 ms (default: from the size)')
    .option('--data-dir <dir>', 'SQLite data directory (env TANDEM_DATA_DIR, default ./data)')
    .action(
      async (flags: {
        project?: string[];
        org?: string;
        apply?: boolean;
        timeMs?: string;
        dataDir?: string;
      }) => {
        const code = await runPlan(
          planOptions(flags, {
            dataDir: flags.dataDir ?? (process.env.TANDEM_DATA_DIR || undefined),
            databaseUrl: process.env.DATABASE_URL || undefined,
          }),
          consoleOutput,
        );
        if (code !== 0) process.exitCode = code;
      },
    );
  program
    .command('reset-password')
    .description('Give an account a new random password that must be changed at the next sign-in.')
    .argument('<email>', 'the account to recover')
    .option('--org <id>', 'the organization, when the email has accounts in several')
    .option('--data-dir <dir>', 'SQLite data directory (env TANDEM_DATA_DIR, default ./data)')
    .action(async (email: string, flags: { org?: string; dataDir?: string }) => {
      await runResetPassword(
        {
          email,
          organizationId: flags.org,
          dataDir: flags.dataDir ?? (process.env.TANDEM_DATA_DIR || undefined),
          databaseUrl: process.env.DATABASE_URL || undefined,
        },
        consoleOutput,
      );
    });
  return program;
}

async function main(argv: readonly string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
    return 0;
  } catch (error) {
    // commander has already printed its own message (unknown option, missing argument, help)
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    consoleOutput.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    return error instanceof UsageError ? 2 : 1;
  }
}

const code = await main(process.argv);
if (code !== 0) process.exit(code);
