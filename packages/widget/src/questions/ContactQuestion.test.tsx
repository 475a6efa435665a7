import { fireEvent, screen } from '@testing-library/preact';
import sv from '../i18n/sv.js';
import { renderQuestion } from '../test-support/render-question.js';
import { ContactQuestion } from './ContactQuestion.js';

const base = { id: 'reach', prompt: 'May we contact you about this?', required: false };

function setup(options: { rtl?: boolean; strings?: typeof sv } = {}) {
  const onSubmit = vi.fn();
  const onSkip = vi.fn();
  renderQuestion(<ContactQuestion {...base} onSubmit={onSubmit} onSkip={onSkip} />, options);
  return { onSubmit, onSkip };
}

const checked = (group: HTMLElement) => [...group.querySelectorAll('[role="radio"]')].filter((r) => r.getAttribute('aria-checked') === 'true').map((r) => r.textContent);
const submit = () => fireEvent.click(screen.getByRole('button', { name: 'Submit' }));

describe('ContactQuestion', () => {
  it('asks consent as a yes/no radio group named by the prompt; No asks for no address and sends a refusal', () => {
    const { onSubmit } = setup();
    const consent = screen.getByRole('radiogroup', { name: base.prompt });
    expect([...consent.querySelectorAll('[role="radio"]')].map((r) => r.textContent)).toEqual(['Yes', 'No']);
    expect((screen.getByRole('button', { name: 'Submit' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('radio', { name: 'No' }));
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(screen.queryByRole('radiogroup', { name: 'How should we reach you?' })).toBeNull();
    submit();
    expect(onSubmit).toHaveBeenCalledExactlyOnceWith({ consent: false });
  });

  it('on Yes asks the channel and an email address field fit for it, and sends the address given', () => {
    const { onSubmit } = setup();
    fireEvent.click(screen.getByRole('radio', { name: 'Yes' }));
    const channel = screen.getByRole('radiogroup', { name: 'How should we reach you?' });
    expect(checked(channel)).toEqual(['Email']);
    const field = screen.getByRole('textbox', { name: 'Your email address' });
    expect([field.getAttribute('type'), field.getAttribute('autocomplete'), field.getAttribute('inputmode')]).toEqual(['email', 'email', 'email']);
    fireEvent.input(field, { target: { value: '  ann@example.com ' } });
    submit();
    expect(onSubmit).toHaveBeenCalledExactlyOnceWith({ consent: true, channel: 'email', address: 'ann@example.com' });
  });

  it('takes a phone number in a tel field and sends it as digits', () => {
    const { onSubmit } = setup();
    fireEvent.click(screen.getByRole('radio', { name: 'Yes' }));
    fireEvent.click(screen.getByRole('radio', { name: 'Phone' }));
    const field = screen.getByRole('textbox', { name: 'Your phone number' });
    expect([field.getAttribute('type'), field.getAttribute('autocomplete'), field.getAttribute('inputmode')]).toEqual(['tel', 'tel', 'tel']);
    fireEvent.input(field, { target: { value: '+46 70-123 45 67' } });
    submit();
    expect(onSubmit).toHaveBeenCalledExactlyOnceWith({ consent: true, channel: 'phone', address: '+46701234567' });
  });

  it('names what is wrong with a bad address under the field, sends nothing, and clears the message once fixed', () => {
    const { onSubmit } = setup();
    fireEvent.click(screen.getByRole('radio', { name: 'Yes' }));
    const email = screen.getByRole('textbox', { name: 'Your email address' });
    fireEvent.input(email, { target: { value: 'ann@' } });
    submit();
    expect(onSubmit).not.toHaveBeenCalled();
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('textbox', { description: 'Enter an email address, like name@example.com.' })).toBe(email);
    expect(document.activeElement).toBe(email);
    fireEvent.input(email, { target: { value: 'ann@example.com' } });
    expect(email.getAttribute('aria-invalid')).toBe('false');
    expect(screen.queryByText('Enter an email address, like name@example.com.')).toBeNull();

    fireEvent.click(screen.getByRole('radio', { name: 'Phone' }));
    const phone = screen.getByRole('textbox', { name: 'Your phone number' });
    fireEvent.input(phone, { target: { value: '12 34' } });
    submit();
    expect(screen.getByText('Enter a phone number of 7 to 20 digits; a + only at the start.')).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('moves and checks with the arrows as every radio group of the survey does, mirrored right to left, never sending', () => {
    const { onSubmit } = setup({ rtl: true });
    const [yes, no] = screen.getAllByRole('radio');
    expect([yes!.tabIndex, no!.tabIndex]).toEqual([0, -1]);
    yes!.focus();
    fireEvent.keyDown(yes!, { key: 'ArrowLeft' });
    expect(document.activeElement).toBe(no);
    expect([no!.getAttribute('aria-checked'), no!.tabIndex]).toEqual(['true', 0]);
    expect(screen.queryByRole('textbox')).toBeNull();
    fireEvent.keyDown(no!, { key: 'Home' });
    expect(document.activeElement).toBe(yes);
    expect(screen.getByRole('textbox', { name: 'Your email address' })).toBeTruthy();
    fireEvent.keyDown(yes!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(no);
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('speaks the card language and can be skipped', () => {
    const { onSkip } = setup({ strings: sv });
    fireEvent.click(screen.getByRole('radio', { name: 'Ja' }));
    expect(screen.getByRole('radiogroup', { name: 'Hur når vi dig bäst?' })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Din e-postadress' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Hoppa över' }));
    expect(onSkip).toHaveBeenCalledOnce();
  });
});
