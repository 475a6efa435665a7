import { useRef, useState } from 'preact/hooks';
import { radioKeyTarget } from './radio-keys.js';

export interface RadioButtonsProps<Value extends string> {
  /** Id of the element that names the group (the prompt, or a label of its own). */
  labelledBy: string;
  options: readonly { value: Value; label: string }[];
  /** The checked option, if any. */
  value: Value | undefined;
  /** An arrow key, Home/End or a click (Enter, Space) checked this option. */
  onCheck: (value: Value) => void;
  /** Whether the group's tab stop is where focus goes when the step shows. */
  autofocus?: boolean;
}

/**
 * A few labelled options as one radio group, drawn as the scales are (the WAI-ARIA radio group pattern, one tab
 * stop, arrows check where they land, mirrored right to left). Unlike a score, checking an option sends nothing:
 * the question it belongs to has more to ask, and its own button sends.
 */
export function RadioButtons<Value extends string>({ labelledBy, options, value, onCheck, autofocus = false }: RadioButtonsProps<Value>) {
  const [focused, setFocused] = useState(Math.max(0, options.findIndex((o) => o.value === value)));
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);

  const onKeyDown = (event: KeyboardEvent, i: number) => {
    const next = radioKeyTarget(event, i, options.length);
    if (next === undefined) return;
    event.preventDefault();
    setFocused(next);
    onCheck(options[next]!.value);
    buttons.current[next]?.focus();
  };

  return (
    <div class="scale numbers" role="radiogroup" aria-labelledby={labelledBy} style={{ '--cols': options.length }}>
      {options.map((option, i) => (
        <button
          key={option.value}
          ref={(element) => {
            buttons.current[i] = element;
          }}
          type="button"
          role="radio"
          class="score"
          aria-checked={value === option.value}
          tabIndex={i === focused ? 0 : -1}
          data-autofocus={autofocus && i === focused ? '' : undefined}
          onFocus={() => setFocused(i)}
          onKeyDown={(event) => onKeyDown(event, i)}
          onClick={() => onCheck(option.value)}
        >
          {option.label}
        </button>
      ))}
    </div>
  );
}
