import { afterEach, describe, expect, test, vi } from 'vitest';
import { CONFIG_VERSION } from '../schemas/config-version.js';
import { ConfigResponse } from '../schemas/config-response.js';
import { survey } from '../test-support/survey.js';
import { parseConfig } from './parse-config.js';

describe('parseConfig', () => {
  afterEach(() => vi.restoreAllMocks());

  test('accepts what the server schema produces', () => {
    const every = {
      ...survey('every', [
        { type: 'exit-intent', ignoreFirstSeconds: 3, mobile: { scrollUp: true, tabHidden: false } },
        { type: 'dwell', seconds: 5, delaySeconds: 2 },
        { type: 'scroll', percent: 75 },
        { type: 'click', selector: 'a.upgrade', text: 'Upgrade' },
        { type: 'page-view', urls: { match: 'all', rules: [{ op: 'glob', value: '/checkout/*', on: 'path' }] } },
        { type: 'event', name: 'checkout_completed', where: [{ property: 'total', op: 'gt', value: 100 }] },
        { type: 'visits', pageViews: 3 },
      ]),
      targeting: { audience: 'identified' as const, samplePercent: 10, devices: ['mobile' as const] },
      frequency: { mode: 'every' as const, days: 30 },
    };
    const config = ConfigResponse.parse({ configVersion: CONFIG_VERSION, project: 'pk_demo', surveys: [survey('nps', [{ type: 'dwell', seconds: 5 }]), every] });
    expect(parseConfig(JSON.parse(JSON.stringify(config))).surveys).toEqual(config.surveys);
  });

  test('refuses another config version or a body that is not a config', () => {
    expect(() => parseConfig({ configVersion: CONFIG_VERSION + 1, surveys: [] })).toThrow(/version/);
    expect(() => parseConfig({ configVersion: CONFIG_VERSION })).toThrow();
    expect(() => parseConfig('<html>')).toThrow();
    expect(() => parseConfig(null)).toThrow();
  });

  test('leaves out malformed and inactive surveys, and unknown or malformed triggers', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { surveys } = parseConfig({
      configVersion: CONFIG_VERSION,
      surveys: [
        {
          ...survey('ok'),
          triggers: [
            { type: 'exit-intent' },
            { type: 'scroll-depth', percent: 50 },
            { type: 'dwell' },
            { type: 'event', name: 'buy' },
            { type: 'scroll', percent: 40 },
            { type: 'click' },
            { type: 'page-view', urls: { rules: [{ op: 'exact', value: '/' }] } },
            { type: 'page-view', urls: null },
            { type: 'visits', sessions: 2 },
          ],
        },
        { ...survey('off'), active: false },
        { id: 'no-questions', questions: [], triggers: [] },
        { id: 'no-triggers', questions: [{ id: 'q', type: 'nps' }] },
        // An audience this core cannot read must not widen to everyone.
        { ...survey('bad-targeting'), targeting: 'everyone' },
        'junk',
      ],
    });
    expect(surveys.map((s) => s.id)).toEqual(['ok']);
    expect(surveys[0]?.triggers.map((t) => t.type)).toEqual(['exit-intent', 'event', 'scroll', 'page-view', 'visits']);
    expect(warn).toHaveBeenCalledTimes(4);
  });

  test('reads what the server says an identified user answered, skipping malformed entries', () => {
    const { answered } = parseConfig({
      configVersion: CONFIG_VERSION,
      surveys: [],
      answered: [{ surveyId: 'nps', at: '2026-11-01T00:00:00.000Z' }, 'nps', null],
    });
    expect(answered).toEqual([{ surveyId: 'nps', at: '2026-11-01T00:00:00.000Z' }]);
    expect(parseConfig({ configVersion: CONFIG_VERSION, surveys: [] }).answered).toEqual([]);
  });
});
