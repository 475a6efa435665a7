import { describe, expect, test } from 'vitest';
import { SurveyDefinition } from './survey-definition.js';

const base = { id: 'nps', name: 'NPS', questions: [{ id: 'score', type: 'nps', prompt: 'How likely?' }] };
const issues = (extra: Record<string, unknown>) => {
  const result = SurveyDefinition.safeParse({ ...base, ...extra });
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('SurveyDefinition triggers, targeting and frequency', () => {
  test('defaults keep the first slice: no targeting, no frequency', () => {
    expect(SurveyDefinition.parse(base)).not.toHaveProperty('targeting');
    expect(SurveyDefinition.parse({ ...base, triggers: [{ type: 'exit-intent' }] }).triggers).toEqual([{ type: 'exit-intent' }]);
  });

  test('every trigger kind parses', () => {
    const triggers = [
      { type: 'exit-intent', ignoreFirstSeconds: 5, mobile: {} },
      { type: 'dwell', seconds: 30, delaySeconds: 2 },
      { type: 'scroll', percent: 33 },
      { type: 'click', selector: 'a[href$=".pdf"], button.buy > span', text: 'Buy' },
      { type: 'page-view', urls: { rules: [{ op: 'regex', value: '^/order/\\d+$' }] } },
      { type: 'event', name: 'checkout_completed', where: [{ property: 'total', op: 'gt', value: 100 }] },
      { type: 'visits', sessions: 3 },
    ];
    const parsed = SurveyDefinition.parse({ ...base, triggers });
    expect(parsed.triggers[0]).toEqual({ type: 'exit-intent', ignoreFirstSeconds: 5, mobile: { scrollUp: true, tabHidden: true } });
    expect(parsed.triggers[4]).toEqual({ type: 'page-view', urls: { match: 'any', rules: [{ op: 'regex', value: '^/order/\\d+$', on: 'path' }] } });
  });

  test.each([
    [{ triggers: [{ type: 'page-view', urls: { rules: [{ op: 'regex', value: '(unclosed' }] } }] }, 'triggers.0.urls.rules.0.value: not a valid regular expression'],
    [{ triggers: [{ type: 'click', selector: 'a[href' }] }, 'triggers.0.selector: not a CSS selector: missing "]"'],
    [{ triggers: [{ type: 'click', selector: 'a, ' }] }, 'triggers.0.selector: not a CSS selector: empty selector around a comma'],
    [{ triggers: [{ type: 'click', selector: 'div >' }] }, 'triggers.0.selector: not a CSS selector: a combinator needs'],
    [{ triggers: [{ type: 'click', selector: 'a { color: red }' }] }, 'triggers.0.selector: not a CSS selector: "{"'],
    [{ triggers: [{ type: 'scroll', percent: 120 }] }, 'triggers.0.percent'],
    [{ triggers: [{ type: 'visits' }] }, 'triggers.0.pageViews: give pageViews or sessions'],
    [{ triggers: [{ type: 'event', name: 'buy', where: [{ property: 'total', op: 'gt', value: '100' }] }] }, 'triggers.0.where.0.value: "gt" compares numbers'],
    [{ triggers: [{ type: 'event', name: 'buy', where: [{ property: 'total', op: 'eq' }] }] }, 'triggers.0.where.0.value: "eq" needs a value'],
    [{ targeting: { attributes: [{ property: 'plan', op: 'in', value: 'pro' }] } }, 'targeting.attributes.0.value: "in" needs a list'],
    [{ targeting: { languages: ['french!'] } }, 'targeting.languages.0: must be a language tag'],
    [{ targeting: { samplePercent: 101 } }, 'targeting.samplePercent'],
    [{ targeting: { startAt: '2026-06-02T00:00:00Z', endAt: '2026-06-01T00:00:00Z' } }, 'targeting.endAt: must be after startAt'],
    [{ targeting: { devices: ['watch'] } }, 'targeting.devices.0'],
    [{ frequency: { mode: 'every' } }, 'frequency.days: "every" needs days'],
    [{ frequency: { mode: 'once', days: 3 } }, 'frequency.days: days applies to mode "every" only'],
  ])('%o → an issue naming %s', (extra, expected) => {
    expect(issues(extra).join('\n')).toContain(expected);
  });
});
