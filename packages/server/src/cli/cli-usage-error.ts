/** A wrong command line: printed with the usage hint, exit code 2. */
export class CliUsageError extends Error {
  override readonly name = 'CliUsageError';
}
