import { describe, expect, it } from 'vitest';
import { gatherCalls } from './gather-calls.js';

describe('gatherCalls', () => {
  it('runs the calls of one turn together, in order, each getting its own result; later calls run again', async () => {
    const runs: string[][] = [];
    const shout = gatherCalls(queueMicrotask, async (words: string[]) => {
      runs.push(words);
      return words.map((word) => word.toUpperCase());
    });
    expect(await Promise.all([shout('a'), shout('b'), shout('a')])).toEqual(['A', 'B', 'A']);
    expect(await shout('c')).toBe('C');
    expect(runs).toEqual([['a', 'b', 'a'], ['c']]);
  });

  it('rejects every call of a run that fails, and the next run goes on', async () => {
    let fail = true;
    const echo = gatherCalls(queueMicrotask, async (inputs: number[]) => {
      if (fail) throw new Error('database down');
      return inputs;
    });
    const results = await Promise.allSettled([echo(1), echo(2)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    expect(await echo(3)).toBe(3);
  });
});
