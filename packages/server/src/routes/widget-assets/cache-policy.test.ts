import { describe, expect, it } from 'vitest';
import { isContentHashed } from './cache-policy.js';

describe('isContentHashed', () => {
  it.each(['closeloop-ui-B3x9_aQz.js', 'closeloop-ui-4f9a2c1d.js', 'chunk-DkEi3_x9.css'])('%s is hashed', (name) => {
    expect(isContentHashed(name)).toBe(true);
  });

  it.each(['closeloop.js', 'closeloop-ui.js', 'closeloop-embedded.js', 'closeloop-ui-abc1.js'])('%s is stable', (name) => {
    expect(isContentHashed(name)).toBe(false);
  });
});
