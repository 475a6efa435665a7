import { RoutingRule } from '@closeloop/sdk/schemas';
import type { RoutingRuleInput } from '@closeloop/sdk/schemas';
import { describe, expect, it } from 'vitest';
import { routingTarget } from './routing-target.js';
import type { RoutingFacts } from './routing-target.js';

const CARE = { teamId: '00000000-0000-4000-8000-00000000000a' };
const VIP = { teamId: '00000000-0000-4000-8000-00000000000b' };
const ANN = { memberId: '00000000-0000-4000-8000-00000000000c' };

const rules = (...input: RoutingRuleInput[]) => input.map((r) => RoutingRule.parse(r));
const facts = (extra: Partial<RoutingFacts> = {}): RoutingFacts => ({ url: 'https://shop.example/cart', answers: { nps: 5 }, attributes: {}, ...extra });

describe('routingTarget', () => {
  it('routes by the page URL (path or whole address)', () => {
    const byUrl = rules({ if: { url: { rules: [{ op: 'glob', value: '/checkout/**' }] } }, to: CARE });
    expect(routingTarget(byUrl, facts({ url: 'https://shop.example/checkout/pay?x=1' }))).toEqual(CARE);
    expect(routingTarget(byUrl, facts({ url: 'https://shop.example/cart' }))).toBeNull();
    const onUrl = rules({ if: { url: { rules: [{ op: 'contains', value: 'utm_source=ads', on: 'url' }] } }, to: CARE });
    expect(routingTarget(onUrl, facts({ url: 'https://shop.example/?utm_source=ads' }))).toEqual(CARE);
  });

  it('routes by an answer: a score compared, or a choice included', () => {
    const byScore = rules({ if: { answer: { question: 'nps', op: 'lte', value: 3 } }, to: ANN });
    expect(routingTarget(byScore, facts({ answers: { nps: 2 } }))).toEqual(ANN);
    expect(routingTarget(byScore, facts({ answers: { nps: 5 } }))).toBeNull();
    const byChoice = rules({ if: { answer: { question: 'topic', op: 'includes', value: 'billing' } }, to: CARE });
    expect(routingTarget(byChoice, facts({ answers: { topic: { choices: ['billing'] } } }))).toEqual(CARE);
    expect(routingTarget(byChoice, facts({ answers: { topic: { choices: ['delivery'] } } }))).toBeNull();
  });

  it('routes by a respondent attribute: eq, in, gte, lte; a missing attribute never holds', () => {
    const cases: [RoutingRuleInput['if'], Record<string, string | number>, boolean][] = [
      [{ attribute: { name: 'plan', op: 'eq', value: 'enterprise' } }, { plan: 'enterprise' }, true],
      [{ attribute: { name: 'plan', op: 'eq', value: 'enterprise' } }, { plan: 'free' }, false],
      [{ attribute: { name: 'plan', op: 'in', value: ['scale', 'enterprise'] } }, { plan: 'scale' }, true],
      [{ attribute: { name: 'mrr', op: 'gte', value: 1000 } }, { mrr: 1000 }, true],
      [{ attribute: { name: 'mrr', op: 'gte', value: 1000 } }, { mrr: '5000' }, false],
      [{ attribute: { name: 'mrr', op: 'lte', value: 10 } }, { mrr: 5 }, true],
      [{ attribute: { name: 'mrr', op: 'lte', value: 10 } }, {}, false],
    ];
    for (const [condition, attributes, holds] of cases) {
      expect(routingTarget(rules({ if: condition, to: VIP }), facts({ attributes })), JSON.stringify([condition, attributes])).toEqual(holds ? VIP : null);
    }
  });

  it('needs every condition of a rule, takes the first rule that holds, and an empty `if` catches the rest', () => {
    const ordered = rules(
      { if: { url: { rules: [{ op: 'starts-with', value: '/checkout' }] }, attribute: { name: 'plan', op: 'eq', value: 'enterprise' } }, to: VIP },
      { if: { url: { rules: [{ op: 'starts-with', value: '/checkout' }] } }, to: CARE },
      { to: ANN },
    );
    expect(routingTarget(ordered, facts({ url: 'https://shop.example/checkout', attributes: { plan: 'enterprise' } }))).toEqual(VIP);
    expect(routingTarget(ordered, facts({ url: 'https://shop.example/checkout', attributes: { plan: 'free' } }))).toEqual(CARE);
    expect(routingTarget(ordered, facts({ url: 'https://shop.example/account' }))).toEqual(ANN);
    expect(routingTarget([], facts())).toBeNull();
  });
});
