import { fireEvent, screen } from '@testing-library/preact';
import { renderQuestion } from '../test-support/render-question.js';
import { MultipleChoiceQuestion } from './MultipleChoiceQuestion.js';
import { SingleChoiceQuestion } from './SingleChoiceQuestion.js';

const options = [
  { id: 'price', label: 'Price' },
  { id: 'speed', label: 'Speed' },
  { id: 'support', label: 'Support' },
];
const base = { id: 'why', prompt: 'What matters most?', options };

describe('SingleChoiceQuestion', () => {
  it('is a radio group named by the prompt; Next sends the one option picked', () => {
    const onSubmit = vi.fn();
    renderQuestion(<SingleChoiceQuestion {...base} other={false} onSubmit={onSubmit} />);
    expect(screen.getByRole('radiogroup', { name: base.prompt })).toBeTruthy();
    const next = screen.getByRole('button', { name: 'Next' }) as HTMLButtonElement;
    expect(next.disabled).toBe(true);
    fireEvent.click(screen.getByRole('radio', { name: 'Price' }));
    fireEvent.click(screen.getByRole('radio', { name: 'Speed' }));
    expect((screen.getByRole('radio', { name: 'Price' }) as HTMLInputElement).checked).toBe(false);
    fireEvent.click(next);
    expect(onSubmit).toHaveBeenCalledExactlyOnceWith({ choices: ['speed'] });
  });

  it('asks for the text of "Other" and sends it instead of an option', () => {
    const onSubmit = vi.fn();
    renderQuestion(<SingleChoiceQuestion {...base} other onSubmit={onSubmit} />);
    fireEvent.click(screen.getByRole('radio', { name: 'Other' }));
    const field = screen.getByRole('textbox', { name: 'Please specify' });
    const next = screen.getByRole('button', { name: 'Next' }) as HTMLButtonElement;
    expect(next.disabled).toBe(true);
    fireEvent.input(field, { target: { value: '  Design  ' } });
    fireEvent.click(next);
    expect(onSubmit).toHaveBeenCalledExactlyOnceWith({ choices: [], other: 'Design' });
  });
});

describe('MultipleChoiceQuestion', () => {
  it('is a group of checkboxes; Next sends every option ticked, and "Other" with its text', () => {
    const onSubmit = vi.fn();
    const onSkip = vi.fn();
    renderQuestion(<MultipleChoiceQuestion {...base} other onSubmit={onSubmit} onSkip={onSkip} />);
    expect(screen.getByRole('group', { name: base.prompt })).toBeTruthy();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Price' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Support' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Price' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Speed' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Other' }));
    fireEvent.input(screen.getByRole('textbox', { name: 'Please specify' }), { target: { value: 'Docs' } });
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(onSubmit).toHaveBeenCalledExactlyOnceWith({ choices: ['support', 'speed'], other: 'Docs' });
    fireEvent.click(screen.getByRole('button', { name: 'Skip' }));
    expect(onSkip).toHaveBeenCalledOnce();
  });
});
