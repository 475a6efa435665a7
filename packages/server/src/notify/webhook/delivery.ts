/**
 * One attempt to deliver a notification, as the job runner records it (the `deliveries` list of a webhook). A
 * failure is a value, not an exception: the runner records it and schedules the retry.
 */
export interface Delivery {
  /** A 2xx answer arrived. */
  ok: boolean;
  /** The receiver's HTTP status; null when none arrived (refused, unreachable, timed out before the headers). */
  status: number | null;
  /** From the start of the attempt to the receiver's 2xx status, or to the end of a failure. */
  durationMs: number;
  /** Why it failed, in one line (`HTTP 500`, `timed out after 10000 ms`, `connect ECONNREFUSED …`); null when ok. */
  error: string | null;
}
