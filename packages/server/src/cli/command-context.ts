import type { UsersIo } from './users.js';

/** What every command runs with: the environment, the folder it was started in, and the terminal. */
export interface CommandContext {
  env: Readonly<Record<string, string | undefined>>;
  /** Where `closeloop.config.json` is looked for, and relative paths start. */
  cwd: string;
  io: UsersIo;
}
