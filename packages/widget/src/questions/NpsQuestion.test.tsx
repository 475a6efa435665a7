import { fireEvent, render, screen } from '@testing-library/preact';
import { NpsQuestion } from './NpsQuestion.js';

const base = { id: 'nps', prompt: 'How likely are you to recommend us?', lowLabel: 'Not likely', highLabel: 'Very likely' };

function setup(props: Partial<Parameters<typeof NpsQuestion>[0]> = {}) {
  const onChoose = vi.fn();
  render(<NpsQuestion {...base} onChoose={onChoose} {...props} />);
  const radios = screen.getAllByRole('radio');
  return { onChoose, radios };
}

const tabbable = (radios: HTMLElement[]) => radios.filter((radio) => radio.tabIndex === 0);
const checked = (radios: HTMLElement[]) => radios.filter((radio) => radio.getAttribute('aria-checked') === 'true');

describe('NpsQuestion', () => {
  it('is a radio group of 0–10 named by the prompt, with the ends labelled', () => {
    const { radios } = setup();
    expect(screen.getByRole('radiogroup', { name: base.prompt })).toBeTruthy();
    expect(radios.map((radio) => radio.textContent)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(screen.getByRole('radio', { name: '0 – Not likely' })).toBe(radios[0]);
    expect(screen.getByRole('radio', { name: '10 – Very likely' })).toBe(radios[10]);
    expect(radios.every((radio) => radio.getAttribute('aria-checked') === 'false')).toBe(true);
  });

  it('keeps exactly one score in the tab order, and arrows check the score they move to without sending it', () => {
    const { radios, onChoose } = setup();
    expect(tabbable(radios)).toEqual([radios[0]]);

    radios[0]!.focus();
    fireEvent.keyDown(radios[0]!, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(radios[1]);
    expect(checked(radios)).toEqual([radios[1]]);
    expect(tabbable(radios)).toEqual([radios[1]]);

    fireEvent.keyDown(radios[1]!, { key: 'ArrowDown' });
    expect(checked(radios)).toEqual([radios[2]]);
    fireEvent.keyDown(radios[2]!, { key: 'ArrowLeft' });
    expect(document.activeElement).toBe(radios[1]);
    fireEvent.keyDown(radios[1]!, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(radios[0]);
    expect(checked(radios)).toEqual([radios[0]]);
    expect(tabbable(radios)).toEqual([radios[0]]);
    expect(onChoose).not.toHaveBeenCalled();
  });

  it('wraps at the ends, and Home / End jump to 0 / 10, checking where they land', () => {
    const { radios, onChoose } = setup();
    fireEvent.keyDown(radios[0]!, { key: 'ArrowLeft' });
    expect(document.activeElement).toBe(radios[10]);
    expect(checked(radios)).toEqual([radios[10]]);
    fireEvent.keyDown(radios[10]!, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(radios[0]);
    fireEvent.keyDown(radios[0]!, { key: 'End' });
    expect(document.activeElement).toBe(radios[10]);
    expect(checked(radios)).toEqual([radios[10]]);
    fireEvent.keyDown(radios[10]!, { key: 'Home' });
    expect(document.activeElement).toBe(radios[0]);
    expect(checked(radios)).toEqual([radios[0]]);
    expect(onChoose).not.toHaveBeenCalled();
  });

  it('sends the checked score with Enter or Space, and any score with a click, exactly as given', () => {
    const { radios, onChoose } = setup();
    fireEvent.keyDown(radios[0]!, { key: 'End' });
    fireEvent.keyDown(radios[10]!, { key: 'ArrowLeft' });
    fireEvent.keyDown(radios[9]!, { key: 'Enter' });
    expect(onChoose).toHaveBeenLastCalledWith(9);
    fireEvent.keyDown(radios[9]!, { key: ' ' });
    expect(onChoose).toHaveBeenLastCalledWith(9);
    fireEvent.click(radios[3]!);
    expect(onChoose).toHaveBeenLastCalledWith(3);
    expect(onChoose).toHaveBeenCalledTimes(3);
  });

  it('offers Next once a score is checked with the arrows, and Next sends it', () => {
    const { radios, onChoose } = setup();
    expect(screen.queryByRole('button', { name: 'Next' })).toBeNull();
    fireEvent.keyDown(radios[0]!, { key: 'ArrowRight' });
    fireEvent.keyDown(radios[1]!, { key: 'ArrowRight' });
    expect(onChoose).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(onChoose).toHaveBeenCalledExactlyOnceWith(2);
  });

  it('marks the chosen score checked and makes it the tab stop', () => {
    const { radios } = setup({ value: 7 });
    expect(radios[7]!.getAttribute('aria-checked')).toBe('true');
    expect(radios.filter((radio) => radio.getAttribute('aria-checked') === 'true')).toHaveLength(1);
    expect(tabbable(radios)).toEqual([radios[7]]);
  });

  it('offers Skip only when the question is optional', () => {
    setup();
    expect(screen.queryByRole('button', { name: 'Skip' })).toBeNull();
    const onSkip = vi.fn();
    setup({ onSkip });
    fireEvent.click(screen.getByRole('button', { name: 'Skip' }));
    expect(onSkip).toHaveBeenCalledOnce();
  });
});
