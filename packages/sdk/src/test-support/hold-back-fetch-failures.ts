import { vi } from 'vitest';

// Node's own console, reached without Node's type definitions so DOM-only test projects (the widget) can use this.
declare const process: { getBuiltinModule(id: 'node:console'): Console };
const nodeConsole = process.getBuiltinModule('node:console');

/** happy-dom's line for an error status, as devtools print it: `POST http://127.0.0.1:4321/v1/responses 503 (Service Unavailable)`. */
const ERROR_STATUS_LINE = /^[A-Z]+ https?:\/\/\S+ \d{3} \(.*\)$/;
/** The socket errors of a connection the test server cut (`hangUp`) or that nothing listened for. */
const NETWORK_ERROR_CODES = new Set(['ECONNRESET', 'ECONNREFUSED']);

function isFetchFailureReport(args: unknown[]): boolean {
  if (args.length !== 1) return false;
  const [report] = args;
  if (typeof report === 'string') return ERROR_STATUS_LINE.test(report);
  return report instanceof Error && NETWORK_ERROR_CODES.has(String((report as { code?: unknown }).code));
}

/**
 * For tests that make fetches fail on purpose. happy-dom reports every failed fetch as a browser's devtools would,
 * but on Node's own console (captured before vitest's), so in the test output those lines are not tied to a test and
 * read like crashes. This holds back exactly those reports; any other `console.error` still prints. Returns the
 * restore function: `beforeEach(() => holdBackFetchFailures())` or `onTestFinished(holdBackFetchFailures())`.
 */
export function holdBackFetchFailures(): () => void {
  const print = nodeConsole.error.bind(nodeConsole);
  const spy = vi.spyOn(nodeConsole, 'error').mockImplementation((...args: unknown[]) => {
    if (!isFetchFailureReport(args)) print(...args);
  });
  return () => spy.mockRestore();
}
