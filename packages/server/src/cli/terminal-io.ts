import { promptHidden } from './prompt-password.js';
import type { UsersIo } from './users.js';

/** The real terminal: a password is prompted for only when both ends are a TTY. */
export function terminalIo(): UsersIo {
  return {
    interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
    promptHidden: (question) => promptHidden(question),
    out: (line) => console.log(line),
  };
}
