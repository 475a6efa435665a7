import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { walSync } from './wal-sync.js';
import type { Datasync } from './wal-sync.js';

/** An fdatasync the test completes by hand, counting its calls. */
function heldDatasync() {
  const running: ((error: NodeJS.ErrnoException | null) => void)[] = [];
  const datasync: Datasync = (_fd, done) => {
    running.push(done);
  };
  return { datasync, calls: () => running.length, finish: (error: NodeJS.ErrnoException | null = null) => running.shift()!(error) };
}

describe('walSync', () => {
  let dir = '';
  let file = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'closeloop-wal-sync-'));
    file = join(dir, 'db.sqlite');
    writeFileSync(`${file}-wal`, 'frames');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('makes commits made during a sync wait for the next one, which they share', async () => {
    const held = heldDatasync();
    const wal = walSync(file, held.datasync);
    const settled: string[] = [];
    const first = wal.sync().then(() => settled.push('first'));
    // Committed while the first sync runs: that sync may have started before their frames were written.
    const second = wal.sync().then(() => settled.push('second'));
    const third = wal.sync().then(() => settled.push('third'));
    expect(held.calls()).toBe(1);

    held.finish();
    await first;
    expect(settled).toEqual(['first']);
    expect(held.calls()).toBe(1); // the second and third share one sync, started once the first was done

    held.finish();
    await Promise.all([second, third]);
    expect(settled).toEqual(['first', 'second', 'third']);
    wal.close();
  });

  it('rejects the commits a failed sync covered, and syncs the next ones again', async () => {
    const held = heldDatasync();
    const wal = walSync(file, held.datasync);
    const failed = wal.sync();
    const later = wal.sync();
    held.finish(Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' }));
    await expect(failed).rejects.toThrow('EIO');
    held.finish();
    await expect(later).resolves.toBeUndefined();
    wal.close();
  });

  it('syncs the real log file through the thread pool', async () => {
    const wal = walSync(file);
    await expect(Promise.all([wal.sync(), wal.sync()])).resolves.toEqual([undefined, undefined]);
    wal.close();
  });

  it('fails the sync, naming the file, when the log is missing', async () => {
    const wal = walSync(join(dir, 'missing.sqlite'));
    await expect(wal.sync()).rejects.toThrow('missing.sqlite-wal');
  });
});
