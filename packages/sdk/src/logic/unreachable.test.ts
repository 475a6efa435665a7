import { describe, expect, it } from 'vitest';
import { unreachable } from './unreachable.js';

describe('unreachable', () => {
  it('throws, naming what and the value, when a value the types rule out arrives anyway', () => {
    expect(() => unreachable('between' as never, 'logic condition')).toThrow('unexpected logic condition: "between"');
  });
});
