import type { ButtonHTMLAttributes } from 'preact';

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  /** `primary` for the one action a screen is for, `danger` for what cannot be undone, `quiet` for the rest. */
  variant?: 'primary' | 'quiet' | 'danger';
  /** Shown as busy and not clickable while the action it started runs. */
  busy?: boolean;
};

/** A button that says when it is busy (aria-busy) rather than letting a second click send twice. */
export function Button({ variant = 'quiet', busy = false, type = 'button', disabled, class: className, children, ...rest }: ButtonProps) {
  return (
    <button {...rest} type={type} class={['button', `button-${variant}`, className].filter(Boolean).join(' ')} disabled={Boolean(disabled) || busy} aria-busy={busy || undefined}>
      {children}
    </button>
  );
}
