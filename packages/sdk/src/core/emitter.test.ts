import { afterEach, describe, expect, test, vi } from 'vitest';
import { createEmitter } from './emitter.js';

interface Events {
  ping: { n: number };
}

describe('createEmitter', () => {
  afterEach(() => vi.restoreAllMocks());

  test('delivers payloads until unsubscribed', () => {
    const emitter = createEmitter<Events>();
    const seen: number[] = [];
    const off = emitter.on('ping', ({ n }) => seen.push(n));
    emitter.emit('ping', { n: 1 });
    off();
    emitter.emit('ping', { n: 2 });
    expect(seen).toEqual([1]);
  });

  test('a throwing handler is reported in one line and the others still run', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const emitter = createEmitter<Events>();
    const after = vi.fn();
    emitter.on('ping', () => {
      throw new Error('host bug');
    });
    emitter.on('ping', after);
    expect(() => emitter.emit('ping', { n: 1 })).not.toThrow();
    expect(after).toHaveBeenCalledWith({ n: 1 });
    expect(warn).toHaveBeenCalledOnce();
    expect(warn.mock.calls[0]?.[0]).toContain('host bug');
  });

  test('clear() removes every handler', () => {
    const emitter = createEmitter<Events>();
    const handler = vi.fn();
    emitter.on('ping', handler);
    emitter.clear();
    emitter.emit('ping', { n: 1 });
    expect(handler).not.toHaveBeenCalled();
  });
});
