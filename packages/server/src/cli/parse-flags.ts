import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import { CliUsageError } from './cli-usage-error.js';

type Options = NonNullable<ParseArgsConfig['options']>;
type Parsed<O extends Options> = ReturnType<typeof parseArgs<{ args: string[]; options: O; strict: true; allowPositionals: true }>>;

/**
 * `argv` parsed strictly against `options` (positionals allowed): an unknown flag or a missing value is a
 * {@link CliUsageError} naming the flag.
 */
export function parseFlags<O extends Options>(argv: string[], options: O): Parsed<O> {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: true });
  } catch (error) {
    // Node's messages go on about positionals after `--`; the first sentence names the flag, which is what helps.
    const message = error instanceof Error ? (error.message.split(/\.\s/)[0] ?? error.message) : String(error);
    throw new CliUsageError(message.replace(/\.$/, ''));
  }
}
