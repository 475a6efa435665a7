import { getAt, moveAt, removeAt, setAt } from './draft-path.js';

describe('draft paths', () => {
  const draft = { name: 'NPS', questions: [{ id: 'a', prompt: 'A' }, { id: 'b' }] };

  it('sets a value deep inside without touching the original, creating what is missing', () => {
    const next = setAt(draft, ['questions', 1, 'prompt'], 'B');
    expect(next.questions[1]).toEqual({ id: 'b', prompt: 'B' });
    expect(draft.questions[1]).toEqual({ id: 'b' });
    expect(next.questions[0]).toBe(draft.questions[0]);
    expect(setAt({}, ['display', 'theme', 'accent'], '#fff')).toEqual({ display: { theme: { accent: '#fff' } } });
    expect(setAt({}, ['triggers', 0, 'type'], 'dwell')).toEqual({ triggers: [{ type: 'dwell' }] });
  });

  it('removes a key set to undefined, so a cleared optional field is absent', () => {
    expect(setAt({ display: { locale: 'fr', placement: 'modal' } }, ['display', 'locale'], undefined)).toEqual({ display: { placement: 'modal' } });
    expect('locale' in setAt({ display: { locale: 'fr' } }, ['display', 'locale'], undefined).display).toBe(false);
  });

  it('reads, removes and moves list items', () => {
    expect(getAt(draft, ['questions', 0, 'prompt'])).toBe('A');
    expect(getAt(draft, ['questions', 5, 'prompt'])).toBeUndefined();
    expect(getAt(draft, ['name', 'x'])).toBeUndefined();
    expect(removeAt(draft, ['questions'], 0).questions).toEqual([{ id: 'b' }]);
    expect(moveAt(draft, ['questions'], 0, 1).questions.map((q) => q.id)).toEqual(['b', 'a']);
    expect(moveAt(draft, ['questions'], 0, -1)).toBe(draft);
  });
});
