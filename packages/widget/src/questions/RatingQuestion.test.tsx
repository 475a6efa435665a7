import { fireEvent, screen } from '@testing-library/preact';
import { renderQuestion } from '../test-support/render-question.js';
import { RatingQuestion } from './RatingQuestion.js';

const base = { id: 'rating', prompt: 'Rate the delivery' };

describe('RatingQuestion', () => {
  it('shows `scale` stars named "n of scale stars", one tab stop, and sends the star chosen', () => {
    const onChoose = vi.fn();
    renderQuestion(<RatingQuestion {...base} scale={3} display="stars" onChoose={onChoose} />);
    const stars = screen.getAllByRole('radio');
    expect(stars.map((s) => s.getAttribute('aria-label'))).toEqual(['1 of 3 stars', '2 of 3 stars', '3 of 3 stars']);
    expect(stars.filter((s) => s.tabIndex === 0)).toEqual([stars[0]]);
    fireEvent.keyDown(stars[0]!, { key: 'ArrowRight' });
    // The arrow checks the second star and lights the stars up to it, but sends nothing yet.
    expect(stars.map((s) => s.getAttribute('aria-checked'))).toEqual(['false', 'true', 'false']);
    expect(stars.map((s) => s.classList.contains('lit'))).toEqual([true, true, false]);
    expect(onChoose).not.toHaveBeenCalled();
    fireEvent.keyDown(stars[1]!, { key: ' ' });
    expect(onChoose).toHaveBeenCalledExactlyOnceWith(2);
  });

  it('shows numbered buttons up to 10 with the ends labelled', () => {
    renderQuestion(<RatingQuestion {...base} scale={10} display="numbers" lowLabel="Awful" onChoose={vi.fn()} value={4} />);
    const radios = screen.getAllByRole('radio');
    expect(radios).toHaveLength(10);
    expect(screen.getByRole('radio', { name: '1 – Awful' })).toBe(radios[0]);
    expect(screen.getByRole('radio', { name: '10 – Excellent' })).toBe(radios[9]);
    expect(radios[3]!.getAttribute('aria-checked')).toBe('true');
    expect(radios.filter((s) => s.tabIndex === 0)).toEqual([radios[3]]);
  });
});
