/** A problem with the data rather than the command line (no such key, a key revoked already): exit code 1. */
export class CommandError extends Error {
  override readonly name: string = 'CommandError';
}
