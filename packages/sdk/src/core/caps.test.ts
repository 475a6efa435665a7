import { describe, expect, test } from 'vitest';
import { memoryStorage } from '../test-support/memory-storage.js';
import { createCaps } from './caps.js';

describe('createCaps', () => {
  test('a survey shown once is not shown again automatically in this page view', () => {
    const caps = createCaps(memoryStorage());
    expect(caps.canAutoShow('nps')).toBe(true);
    caps.markShown('nps');
    expect(caps.canAutoShow('nps')).toBe(false);
    expect(caps.canAutoShow('other')).toBe(true);
  });

  test('a finished or dismissed survey stays done for this visitor across page loads', () => {
    const storage = memoryStorage();
    createCaps(storage).markDone('nps');
    const nextPage = createCaps(storage);
    expect(nextPage.isDone('nps')).toBe(true);
    expect(nextPage.canAutoShow('nps')).toBe(false);
  });

  test('sees a survey another tab finished after this page loaded', () => {
    const storage = memoryStorage();
    const thisTab = createCaps(storage);
    createCaps(storage).markDone('nps');
    expect(thisTab.canAutoShow('nps')).toBe(false);
  });

  test('the record stays small', () => {
    const storage = memoryStorage();
    const caps = createCaps(storage);
    for (let i = 0; i < 80; i++) caps.markDone(`s${i}`);
    caps.markDone('s79');
    const stored = JSON.parse(storage.data.get('closeloop:done') ?? '') as string[];
    expect(stored).toHaveLength(50);
    expect(stored.at(-1)).toBe('s79');
    expect(caps.isDone('s0')).toBe(false);
  });

  test('a corrupt record reads as nothing done', () => {
    for (const raw of ['{nope', '{"a":1}', '[1,null,"nps"]']) {
      const caps = createCaps(memoryStorage({ 'closeloop:done': raw }));
      expect(caps.isDone('x')).toBe(false);
    }
    expect(createCaps(memoryStorage({ 'closeloop:done': '[1,null,"nps"]' })).isDone('nps')).toBe(true);
  });
});
