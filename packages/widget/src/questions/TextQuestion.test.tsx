import { fireEvent, render, screen } from '@testing-library/preact';
import { TextQuestion } from './TextQuestion.js';

const base = { id: 'reason', prompt: 'What is the main reason for your score?', multiline: true, maxLength: 10, required: false };

function setup(props: Partial<Parameters<typeof TextQuestion>[0]> = {}) {
  const onSubmit = vi.fn();
  render(<TextQuestion {...base} onSubmit={onSubmit} {...props} />);
  const field = screen.getByRole('textbox', { name: base.prompt }) as HTMLTextAreaElement;
  const submit = screen.getByRole('button', { name: 'Submit' }) as HTMLButtonElement;
  return { onSubmit, field, submit };
}

describe('TextQuestion', () => {
  it('labels the field with the prompt and shows a counter against the limit', () => {
    const { field } = setup();
    expect(field.tagName).toBe('TEXTAREA');
    expect(field.maxLength).toBe(10);
    expect(screen.getByText('0 / 10')).toBeTruthy();
    fireEvent.input(field, { target: { value: 'Slow' } });
    expect(screen.getByText('4 / 10')).toBeTruthy();
    expect(field.getAttribute('aria-describedby')).toBe(screen.getByText('Up to 10 characters.').id);
  });

  it('never holds or sends more than maxLength characters, even when pasted past the attribute', () => {
    const { field, submit, onSubmit } = setup();
    fireEvent.input(field, { target: { value: 'abcdefghijklmnop' } });
    expect(field.value).toBe('abcdefghij');
    expect(screen.getByText('10 / 10')).toBeTruthy();
    fireEvent.click(submit);
    expect(onSubmit).toHaveBeenCalledWith('abcdefghij');
  });

  it('sends the trimmed text, and cannot be submitted blank', () => {
    const { field, submit, onSubmit } = setup();
    expect(submit.disabled).toBe(true);
    fireEvent.input(field, { target: { value: '   ' } });
    expect(submit.disabled).toBe(true);
    fireEvent.input(field, { target: { value: ' Too slow ' } });
    expect(submit.disabled).toBe(false);
    fireEvent.submit(field.form!);
    expect(onSubmit).toHaveBeenCalledExactlyOnceWith('Too slow');
  });

  it('sends with Ctrl/Cmd+Enter in a textarea, while plain Enter stays a new line', () => {
    const { field, onSubmit } = setup();
    fireEvent.input(field, { target: { value: 'Great' } });
    fireEvent.keyDown(field, { key: 'Enter' });
    expect(onSubmit).not.toHaveBeenCalled();
    fireEvent.keyDown(field, { key: 'Enter', ctrlKey: true });
    expect(onSubmit).toHaveBeenCalledWith('Great');
  });

  it('renders a single-line input when not multiline', () => {
    const { field } = setup({ multiline: false });
    expect(field.tagName).toBe('INPUT');
  });

  it('offers Skip when optional, and none when required', () => {
    const onSkip = vi.fn();
    setup({ onSkip });
    fireEvent.click(screen.getByRole('button', { name: 'Skip' }));
    expect(onSkip).toHaveBeenCalledOnce();
    document.body.replaceChildren();
    setup({ required: true });
    expect(screen.queryByRole('button', { name: 'Skip' })).toBeNull();
  });
});
