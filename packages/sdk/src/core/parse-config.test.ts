import { afterEach, describe, expect, test, vi } from 'vitest';
import { CONFIG_VERSION } from '../schemas/config-version.js';
import { ConfigResponse } from '../schemas/config-response.js';
import { survey } from '../test-support/survey.js';
import { parseConfig } from './parse-config.js';

describe('parseConfig', () => {
  afterEach(() => vi.restoreAllMocks());

  test('accepts what the server schema produces', () => {
    const config = ConfigResponse.parse({ configVersion: CONFIG_VERSION, project: 'pk_demo', surveys: [survey('nps', [{ type: 'dwell', seconds: 5 }])] });
    expect(parseConfig(JSON.parse(JSON.stringify(config)))).toEqual(config.surveys);
  });

  test('refuses another config version or a body that is not a config', () => {
    expect(() => parseConfig({ configVersion: CONFIG_VERSION + 1, surveys: [] })).toThrow(/version/);
    expect(() => parseConfig({ configVersion: CONFIG_VERSION })).toThrow();
    expect(() => parseConfig('<html>')).toThrow();
    expect(() => parseConfig(null)).toThrow();
  });

  test('leaves out malformed and inactive surveys, and unknown or malformed triggers', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const surveys = parseConfig({
      configVersion: CONFIG_VERSION,
      surveys: [
        { ...survey('ok'), triggers: [{ type: 'exit-intent' }, { type: 'scroll-depth', percent: 50 }, { type: 'dwell' }, { type: 'event', name: 'buy' }] },
        { ...survey('off'), active: false },
        { id: 'no-questions', questions: [], triggers: [] },
        { id: 'no-triggers', questions: [{ id: 'q', type: 'nps' }] },
        'junk',
      ],
    });
    expect(surveys.map((s) => s.id)).toEqual(['ok']);
    expect(surveys[0]?.triggers).toEqual([{ type: 'exit-intent' }, { type: 'event', name: 'buy' }]);
    expect(warn).toHaveBeenCalledTimes(3);
  });
});
