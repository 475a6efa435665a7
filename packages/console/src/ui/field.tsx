import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';

export interface FieldControlProps {
  id: string;
  'aria-invalid': boolean | undefined;
  'aria-describedby': string | undefined;
}

interface FieldProps {
  label: ComponentChildren;
  /** The field's error, shown under it and read out with it; nothing when valid. */
  error?: string | undefined;
  hint?: ComponentChildren;
  /** Draws the control, wired to the label, the hint and the error. */
  children: (control: FieldControlProps) => ComponentChildren;
}

/** A labelled control with its hint and its error beside it, tied together for screen readers. */
export function Field({ label, error, hint, children }: FieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div class={error ? 'field field-invalid' : 'field'}>
      <label for={id}>{label}</label>
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
      {hint && (
        <p class="field-hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p class="field-error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}
