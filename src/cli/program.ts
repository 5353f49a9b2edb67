// The `kith` command line: builds the commander program and runs it, turning errors into
// messages and exit codes (0 ok, 1 user error, 2 usage).
import { Command, CommanderError } from 'commander';
import { KithError } from '../domain/errors.js';
import { registerAccountCommands } from './commands/accounts.js';
import { registerLoginCommands } from './commands/login.js';
import { registerConnectorCommands } from './commands/connectors.js';
import { registerDemoCommand } from './commands/demo.js';
import { registerImportCommand } from './commands/import.js';
import { registerExportCommand } from './commands/export.js';
import { registerMergeCommand } from './commands/merge.js';
import { registerLogCommand } from './commands/log.js';
import { registerMethodCommands } from './commands/method.js';
import { registerOrganizationCommands } from './commands/organizations.js';
import { registerPeopleCommands } from './commands/people.js';
import { registerSearchCommand } from './commands/search.js';
import { registerServeCommand } from './commands/serve.js';
import { cliContext } from './context.js';
import { consoleOutput, json, type Output } from './output.js';

export const EXIT = { ok: 0, user: 1, usage: 2 } as const;

/** Flag names for the fields the store reports, so a message points at what was typed. */
const FLAG_FOR_FIELD: Record<string, string> = {
  displayName: 'name',
  givenName: '--given',
  familyName: '--family',
  organization: '--org',
  howWeMet: '--how-met',
  metOn: '--met-on',
  linkedin: '--linkedin',
  notes: '--note',
  emails: '--email',
  phones: '--phone',
  links: '--link',
  tags: '--tag',
  roles: '--role',
  title: '--title',
  unit: '--unit',
  location: '--location',
  occurredAt: '--date',
  kind: '--kind',
  summary: '--summary',
  insights: '--insight',
  limit: '--limit',
  offset: '--offset',
  sort: '--sort',
  question: '--question',
  purpose: '--purpose',
  minutes: '--minutes',
  for: '--for',
  at: '--at',
  endsOn: '--ends',
  targetChats: '--target',
  batchSize: '--batch',
  dueOn: '--due',
  timeZone: '--tz',
  date: '--date',
  until: 'until',
  account: '--account',
  url: '--url',
  name: '--name',
  role: '--role',
  tag: '--tag',
};

function describeError(error: KithError): string {
  const top = error.field?.split('.')[0] ?? '';
  const flag = FLAG_FOR_FIELD[top];
  return flag && error.message.startsWith(top) ? `${flag} (${error.message})` : error.message;
}

export interface RunOptions {
  output?: Output;
  env?: NodeJS.ProcessEnv;
  now?: () => Date;
  version?: string;
}

export function buildProgram(options: RunOptions = {}): Command {
  const output = options.output ?? consoleOutput;
  const ctx = cliContext(output, options.env ?? process.env, options.now);
  const version = options.version ?? '0.0.0';
  const program = new Command('kith')
    .description('Kith: your network, one specific question at a time.')
    .version(version)
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({
      writeOut: (s) => output.out(s.replace(/\n$/, '')),
      writeErr: (s) => output.err(s.replace(/\n$/, '')),
    });
  registerPeopleCommands(program, ctx);
  registerOrganizationCommands(program, ctx);
  registerLogCommand(program, ctx);
  registerSearchCommand(program, ctx);
  registerMethodCommands(program, ctx);
  registerConnectorCommands(program, ctx);
  registerImportCommand(program, ctx);
  registerExportCommand(program, ctx);
  registerMergeCommand(program, ctx);
  registerDemoCommand(program, ctx);
  registerServeCommand(program, ctx, version);
  registerAccountCommands(program, ctx);
  registerLoginCommands(program, ctx);
  for (const cmd of program.commands) cmd.exitOverride();
  return program;
}

/** Runs `kith` with these arguments (without "node kith") and returns the exit code. */
export async function runCli(args: string[], options: RunOptions = {}): Promise<number> {
  const output = options.output ?? consoleOutput;
  const program = buildProgram({ ...options, output });
  try {
    await program.parseAsync(args, { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (
        error.code === 'commander.helpDisplayed' ||
        error.code === 'commander.version' ||
        error.code === 'commander.help'
      ) {
        return EXIT.ok;
      }
      return EXIT.usage;
    }
    if (error instanceof KithError) {
      const wantsJson = args.includes('--json');
      output.err(wantsJson ? json({ error: error.toJSON() }) : `kith: ${describeError(error)}`);
      return EXIT.user;
    }
    if (
      error instanceof Error &&
      /DATABASE_URL|ECONNREFUSED|SQLITE_CANTOPEN|SQLITE_BUSY/.test(error.message)
    ) {
      output.err(`kith: ${error.message}`);
      return EXIT.user;
    }
    throw error;
  }
}
