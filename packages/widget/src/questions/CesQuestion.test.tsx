import { fireEvent, screen } from '@testing-library/preact';
import { renderQuestion } from '../test-support/render-question.js';
import { CesQuestion } from './CesQuestion.js';

const base = { id: 'ces', prompt: 'How easy was it to get help?' };

describe('CesQuestion', () => {
  it('is a 1–7 radio group with labelled ends: arrows check, Enter sends', () => {
    const onChoose = vi.fn();
    renderQuestion(<CesQuestion {...base} onChoose={onChoose} />);
    const radios = screen.getAllByRole('radio');
    expect(radios.map((r) => r.textContent)).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    expect(screen.getByRole('radio', { name: '1 – Very difficult' })).toBe(radios[0]);
    expect(screen.getByRole('radio', { name: '7 – Very easy' })).toBe(radios[6]);
    fireEvent.keyDown(radios[0]!, { key: 'End' });
    fireEvent.keyDown(radios[6]!, { key: 'ArrowLeft' });
    expect(document.activeElement).toBe(radios[5]);
    expect(radios[5]!.getAttribute('aria-checked')).toBe('true');
    expect(onChoose).not.toHaveBeenCalled();
    fireEvent.keyDown(radios[5]!, { key: 'Enter' });
    expect(onChoose).toHaveBeenCalledExactlyOnceWith(6);
  });

  it('mirrors the arrows right to left: ArrowLeft moves to the next score and checks it', () => {
    renderQuestion(<CesQuestion {...base} lowLabel="Hard" highLabel="Easy" onChoose={vi.fn()} />, { rtl: true });
    const radios = screen.getAllByRole('radio');
    fireEvent.keyDown(radios[0]!, { key: 'ArrowLeft' });
    expect(document.activeElement).toBe(radios[1]);
    expect(radios[1]!.getAttribute('aria-checked')).toBe('true');
    fireEvent.keyDown(radios[1]!, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(radios[0]);
    expect(screen.getByRole('radio', { name: '7 – Easy' })).toBeTruthy();
  });
});
