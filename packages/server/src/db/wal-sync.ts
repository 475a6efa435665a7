import { closeSync, fdatasync, fsyncSync, openSync } from 'node:fs';
import { dirname } from 'node:path';

/** Makes what SQLite has committed to its write-ahead log durable, off the event loop. */
export interface WalSync {
  /** Resolves once everything committed before the call is on the disk; rejects when the disk refuses. */
  sync(): Promise<void>;
  /** Closes the log's file descriptor, once no sync is running (the connection closes after its last commit). */
  close(): void;
}

/** fs.fdatasync's callback form. */
export type Datasync = (fd: number, callback: (error: NodeJS.ErrnoException | null) => void) => void;

/**
 * The fsync SQLite's `synchronous = FULL` makes at every commit, done instead in libuv's thread pool, and shared:
 * better-sqlite3 is synchronous, so FULL held the whole event loop for the length of every fsync (0.1 ms on a quiet
 * disk, 4 ms on a busy one, measured here), and no request was read meanwhile. With `synchronous = NORMAL` a commit
 * writes its log frames to the OS and returns; a commit is acknowledged only after this sync of the log file, so
 * what is acknowledged survives a power cut exactly as with FULL (NORMAL still syncs the log before a checkpoint
 * copies it and the database after). While one sync runs, the requests keep being read and the next batch gathers;
 * the commits made meanwhile share the next sync.
 *
 * The log is `<file>-wal`, kept by SQLite for as long as this connection is open; it is opened on the first sync
 * (the first write creates it), and its folder synced once so the file's own entry is durable too. `datasync` is
 * fs.fdatasync; tests pass one they hold.
 */
export function walSync(databaseFile: string, datasync: Datasync = fdatasync): WalSync {
  const walFile = `${databaseFile}-wal`;
  let fd: number | undefined;
  /** Syncs asked for and the one running: a sync started before a commit does not cover it. */
  let waiting: { resolve: () => void; reject: (error: unknown) => void }[] = [];
  let running = false;

  function open(): number {
    if (fd !== undefined) return fd;
    const opened = openSync(walFile, 'r');
    const folder = openSync(dirname(walFile), 'r');
    try {
      // Once, on the event loop: the log file's entry in its folder must outlive a power cut as well as its frames.
      fsyncSync(folder);
    } finally {
      closeSync(folder);
    }
    fd = opened;
    return fd;
  }

  function start(): void {
    const batch = waiting;
    waiting = [];
    running = true;
    let descriptor: number;
    try {
      descriptor = open();
    } catch (error) {
      settle(batch, error);
      return;
    }
    datasync(descriptor, (error) => settle(batch, error));
  }

  function settle(batch: typeof waiting, error: unknown): void {
    running = false;
    for (const w of batch) {
      if (error) w.reject(error);
      else w.resolve();
    }
    if (waiting.length > 0) start();
  }

  return {
    sync() {
      return new Promise((resolve, reject) => {
        waiting.push({ resolve, reject });
        if (!running) start();
      });
    },
    close() {
      if (fd !== undefined) closeSync(fd);
      fd = undefined;
    },
  };
}

