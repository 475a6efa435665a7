import type { z } from 'zod';

/** Runs of a job whose definition names no `maxAttempts`. */
export const DEFAULT_MAX_ATTEMPTS = 8;

/** What a handler gets besides its payload. */
export interface JobContext {
  /** 1 for the first run, 2 for the first retry, … */
  attempt: number;
  /** The job's deterministic key. */
  key: string;
}

/**
 * One kind of job: its payload schema (checked when queued and again before it runs, since rows outlive code) and
 * its handler. A handler that throws is retried with backoff until `maxAttempts` runs, then the job is `failed`.
 * Handlers must be safe to run twice: a runner that dies after the work but before recording it leaves the job to
 * be run again once its lease lapses.
 */
export interface JobDefinition<S extends z.ZodType = z.ZodType> {
  kind: string;
  payload: S;
  /** Runs in all, the first included. Default 8. */
  maxAttempts?: number;
  handle(payload: z.output<S>, context: JobContext): Promise<void>;
  /**
   * Called once when the job gives up: its last attempt threw (`error`). Where a job records its final failure
   * somewhere people look (a case's timeline), beside the `failed` row the runner keeps. A throw here is reported
   * and does not change the outcome: the job is `failed` either way.
   */
  onGiveUp?(payload: z.output<S>, context: JobContext & { error: string }): Promise<void>;
}

/**
 * What queuing a job needs: its kind and payload schema, without the handler. Use cases enqueue by this alone, so
 * they do not need the handlers' dependencies (the database, the clock, the delivery settings).
 */
export type JobKind<S extends z.ZodType = z.ZodType> = Pick<JobDefinition<S>, 'kind' | 'payload' | 'maxAttempts'>;

/** A definition with its payload type inferred from the schema. */
export function defineJob<S extends z.ZodType>(definition: JobDefinition<S>): JobDefinition<S> {
  return definition;
}
