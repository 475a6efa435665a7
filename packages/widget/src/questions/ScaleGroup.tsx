import type { ComponentChildren } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { useTextMarks } from '../i18n/text-marks.js';
import { promptId } from './prompt-id.js';
import { radioKeyTarget } from './radio-keys.js';

/** How many 44 px touch targets fit one row of the survey card on a 360 px phone. */
const MAX_TOUCH_ROW = 6;

export interface ScaleGroupProps {
  /** The question id: its prompt names the group. */
  id: string;
  /** The scores, lowest first. */
  scores: readonly number[];
  /** The checked score, if any. */
  value?: number | undefined;
  /** The accessible name of a score (defaults to its number, which is its text). */
  name?: (score: number) => string | undefined;
  /** What a score shows; its number by default. */
  face?: (score: number, lit: boolean) => ComponentChildren;
  /** `stars` lights every score up to the one pointed at or chosen. */
  variant?: 'numbers' | 'stars' | 'faces';
  lowLabel: string;
  highLabel: string;
  /** An arrow key (or Home/End) moved to and checked this score: show it, send nothing. */
  onCheck: (score: number) => void;
  /** Enter, Space or a click chose this score: send it. */
  onChoose: (score: number) => void;
}

/**
 * A scale as one radio group (the WAI-ARIA radio group pattern) with a roving tabindex: Tab enters and leaves the
 * group in one stop, on the checked score or else the first; arrows move to a score and check it (mirrored in
 * right-to-left layouts), Home/End to the ends. Checking only shows the score: sending it moves the survey on, which
 * an arrow key must not do, so Enter, Space or a click send it.
 */
export function ScaleGroup({ id, scores, value, name, face, variant = 'numbers', lowLabel, highLabel, onCheck, onChoose }: ScaleGroupProps) {
  const last = scores.length - 1;
  // Columns when a touch screen wraps the scale (widget-css.ts): up to 6 fit one row of 44 px targets on a phone;
  // more split into two balanced rows.
  const columns = scores.length > MAX_TOUCH_ROW ? Math.ceil(scores.length / 2) : scores.length;
  const [focused, setFocused] = useState(Math.max(0, scores.indexOf(value ?? scores[0]!)));
  const [pointed, setPointed] = useState<number | undefined>();
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const lit = pointed ?? value;
  // The ends are the survey's own labels (marked with their language) or, without them, the widget's words.
  const marks = useTextMarks();

  const onKeyDown = (event: KeyboardEvent, i: number) => {
    const next = radioKeyTarget(event, i, scores.length);
    if (next !== undefined) {
      event.preventDefault();
      setFocused(next);
      onCheck(scores[next]!);
      buttons.current[next]?.focus();
    } else if (event.key === 'Enter' || event.key === ' ') {
      // Handled here rather than left to the button's own activation so the key works the same everywhere.
      event.preventDefault();
      onChoose(scores[i]!);
    }
  };

  return (
    <>
      <div
        class={`scale ${variant}`}
        role="radiogroup"
        aria-labelledby={promptId(id)}
        data-count={scores.length}
        style={{ '--cols': columns }}
        onMouseLeave={() => setPointed(undefined)}
      >
        {scores.map((score, i) => (
          <button
            key={score}
            ref={(element) => {
              buttons.current[i] = element;
            }}
            type="button"
            role="radio"
            class={`score${variant === 'stars' && lit !== undefined && score <= lit ? ' lit' : ''}`}
            aria-checked={value === score}
            aria-label={name?.(score) ?? (i === 0 ? `${score} – ${lowLabel}` : i === last ? `${score} – ${highLabel}` : undefined)}
            tabIndex={i === focused ? 0 : -1}
            data-autofocus={i === focused ? '' : undefined}
            onFocus={() => setFocused(i)}
            onMouseEnter={() => setPointed(score)}
            onKeyDown={(event) => onKeyDown(event, i)}
            onClick={() => onChoose(score)}
          >
            {face ? face(score, lit !== undefined && score <= lit) : score}
          </button>
        ))}
      </div>
      {/* Screen readers hear the ends in the names of the first and last score, so this legend is visual only. */}
      <div class="ends" aria-hidden="true">
        <span {...marks.question(id, 'lowLabel')}>{lowLabel}</span>
        <span {...marks.question(id, 'highLabel')}>{highLabel}</span>
      </div>
    </>
  );
}
