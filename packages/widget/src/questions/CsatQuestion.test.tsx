import { fireEvent, screen } from '@testing-library/preact';
import sv from '../i18n/sv.js';
import { renderQuestion } from '../test-support/render-question.js';
import { CsatQuestion } from './CsatQuestion.js';

const base = { id: 'csat', prompt: 'How satisfied are you with checkout?' };

describe('CsatQuestion', () => {
  it('shows five faces, each named by its feeling, in a radio group named by the prompt', () => {
    const onChoose = vi.fn();
    renderQuestion(<CsatQuestion {...base} display="faces" onChoose={onChoose} />);
    expect(screen.getByRole('radiogroup', { name: base.prompt })).toBeTruthy();
    expect(screen.getAllByRole('radio').map((r) => r.getAttribute('aria-label'))).toEqual([
      '1 – Very dissatisfied',
      '2 – Dissatisfied',
      '3 – Neutral',
      '4 – Satisfied',
      '5 – Very satisfied',
    ]);
    fireEvent.click(screen.getByRole('radio', { name: '2 – Dissatisfied' }));
    expect(onChoose).toHaveBeenCalledExactlyOnceWith(2);
  });

  it('shows stars named "n of 5 stars", lit up to the one pointed at', () => {
    renderQuestion(<CsatQuestion {...base} display="stars" onChoose={vi.fn()} />);
    const stars = screen.getAllByRole('radio');
    expect(stars.map((s) => s.getAttribute('aria-label'))).toEqual(['1 of 5 stars', '2 of 5 stars', '3 of 5 stars', '4 of 5 stars', '5 of 5 stars']);
    fireEvent.mouseEnter(stars[2]!);
    expect(stars.map((s) => s.classList.contains('lit'))).toEqual([true, true, true, false, false]);
  });

  it('faces: an arrow checks the next face without sending it; Enter sends it', () => {
    const onChoose = vi.fn();
    renderQuestion(<CsatQuestion {...base} display="faces" onChoose={onChoose} />);
    const faces = screen.getAllByRole('radio');
    fireEvent.keyDown(faces[0]!, { key: 'ArrowRight' });
    expect(faces.map((f) => f.getAttribute('aria-checked'))).toEqual(['false', 'true', 'false', 'false', 'false']);
    expect(onChoose).not.toHaveBeenCalled();
    fireEvent.keyDown(faces[1]!, { key: 'Enter' });
    expect(onChoose).toHaveBeenCalledExactlyOnceWith(2);
  });

  it('speaks the visitor\'s language', () => {
    renderQuestion(<CsatQuestion {...base} display="faces" onChoose={vi.fn()} />, { strings: sv });
    expect(screen.getByRole('radio', { name: '5 – Mycket nöjd' })).toBeTruthy();
  });
});
