import { parseArgs } from 'node:util';
import { ConfigError } from '../config/config-error.js';
import { CliUsageError } from './cli-usage-error.js';
import type { CommandContext } from './command-context.js';
import { CommandError } from './command-error.js';
import { SERVE_OPTIONS } from './parse-serve-args.js';
import { terminalIo } from './terminal-io.js';
import { COMMAND_USAGE, USAGE } from './usage.js';
import type { CommandName } from './usage.js';
import type { UsersIo } from './users.js';

type Command = (argv: string[], context: CommandContext) => Promise<void>;

/**
 * Each command's module is loaded when that command runs: the server (hono, every route, the job runner) takes a
 * second to load on the 2-core machine, which `closeloop keys` or `--help` have no use for.
 */
const COMMANDS: Record<CommandName, Command> = {
  serve: async (argv, context) => (await import('./serve-command.js')).serveCommand('serve', argv, context),
  demo: async (argv, context) => (await import('./serve-command.js')).serveCommand('demo', argv, context),
  init: async (argv, context) => (await import('./init-command.js')).initCommand(argv, context),
  projects: async (argv, context) => (await import('./projects-command.js')).projectsCommand(argv, context),
  keys: async (argv, context) => (await import('./keys-command.js')).keysCommand(argv, context),
  users: async (argv, context) => (await import('./users-command.js')).usersCommand(argv, context),
  migrate: async (argv, context) => (await import('./migrate-command.js')).migrateCommand(argv, context),
};

const HELP = ['--help', '-h'];

/**
 * `closeloop <command> …`. Exit codes: 2 for a wrong command line or setting (the message names it), 1 for a
 * failure (database, port, data). `--help` anywhere prints the command's usage.
 */
export async function run(argv: string[], env: NodeJS.ProcessEnv, io: UsersIo = terminalIo(), cwd = process.cwd()): Promise<void> {
  const [name, ...rest] = commandFirst(argv);
  if (name === undefined) return fail(`missing command: ${Object.keys(COMMANDS).join(', ')}`, 2, undefined);
  if (name === 'help' || HELP.includes(name)) {
    const topic = rest[0];
    io.out(topic !== undefined && isCommand(topic) ? COMMAND_USAGE[topic] : USAGE);
    return;
  }
  if (!isCommand(name)) return fail(`unknown command "${name}": use ${Object.keys(COMMANDS).join(', ')}`, 2, undefined);
  if (rest.some((arg) => HELP.includes(arg))) return io.out(COMMAND_USAGE[name]);
  try {
    await COMMANDS[name](rest, { env, cwd, io });
  } catch (error) {
    if (error instanceof CliUsageError || error instanceof ConfigError) return fail(error.message, 2, name);
    if (error instanceof CommandError) return fail(error.message, 1, undefined);
    throw error;
  }
}

/**
 * `argv` with the command word first: `closeloop --port 0 serve` has always worked, so flags before the command are
 * moved after it (which words are flag values is read with serve's flags, the ones such a line would carry).
 */
function commandFirst(argv: string[]): string[] {
  if (argv[0] === undefined || !argv[0].startsWith('-') || HELP.includes(argv[0])) return argv;
  const { tokens } = parseArgs({ args: argv, options: SERVE_OPTIONS, strict: false, allowPositionals: true, tokens: true });
  const command = tokens.find((token) => token.kind === 'positional');
  if (command === undefined) return argv;
  return [command.value, ...argv.slice(0, command.index), ...argv.slice(command.index + 1)];
}

function isCommand(name: string): name is CommandName {
  return Object.hasOwn(COMMANDS, name);
}

function fail(message: string, code: 1 | 2, command: CommandName | undefined): void {
  const hint = code === 2 ? `\nRun \`closeloop ${command === undefined ? '' : `${command} `}--help\` for usage.` : '';
  console.error(`closeloop: ${message}${hint}`);
  process.exitCode = code;
}
