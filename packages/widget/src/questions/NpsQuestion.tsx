import { useRef, useState } from 'preact/hooks';
import type { NpsQuestion as NpsQuestionDefinition } from '@closeloop/sdk/schemas';
import { promptId } from './prompt-id.js';

export type NpsQuestionProps = Pick<NpsQuestionDefinition, 'id' | 'prompt' | 'lowLabel' | 'highLabel'> & {
  /** The chosen score, if any. */
  value?: number | undefined;
  onChoose: (score: number) => void;
  /** Given when the question is optional: shows a Skip button. */
  onSkip?: (() => void) | undefined;
};

const SCORES = Array.from({ length: 11 }, (_, score) => score);

/** Keys that move focus within the scale, and where they move it from index `i`. */
const MOVES: Record<string, (i: number) => number> = {
  ArrowRight: (i) => (i + 1) % 11,
  ArrowDown: (i) => (i + 1) % 11,
  ArrowLeft: (i) => (i + 10) % 11,
  ArrowUp: (i) => (i + 10) % 11,
  Home: () => 0,
  End: () => 10,
};

/**
 * Net Promoter Score, 0 to 10, as one radio group with a roving tabindex: Tab enters and leaves the group in one
 * stop, arrows move between scores. Unlike a native radio group, moving does not choose: choosing sends the
 * answer at once, so only Enter, Space or a click commit a score.
 */
export function NpsQuestion({ id, prompt, lowLabel, highLabel, value, onChoose, onSkip }: NpsQuestionProps) {
  const [focused, setFocused] = useState(value ?? 0);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);

  const onKeyDown = (event: KeyboardEvent, score: number) => {
    const move = MOVES[event.key];
    if (move) {
      event.preventDefault();
      const next = move(score);
      setFocused(next);
      buttons.current[next]?.focus();
    } else if (event.key === 'Enter' || event.key === ' ') {
      // Handled here rather than left to the button's own activation so the key works the same everywhere.
      event.preventDefault();
      onChoose(score);
    }
  };

  return (
    <div class="question">
      <h2 class="prompt" id={promptId(id)}>
        {prompt}
      </h2>
      <div class="scale" role="radiogroup" aria-labelledby={promptId(id)}>
        {SCORES.map((score) => (
          <button
            key={score}
            ref={(element) => {
              buttons.current[score] = element;
            }}
            type="button"
            role="radio"
            class="score"
            aria-checked={value === score}
            aria-label={score === 0 ? `0 – ${lowLabel}` : score === 10 ? `10 – ${highLabel}` : undefined}
            tabIndex={score === focused ? 0 : -1}
            data-autofocus={score === focused ? '' : undefined}
            onFocus={() => setFocused(score)}
            onKeyDown={(event) => onKeyDown(event, score)}
            onClick={() => onChoose(score)}
          >
            {score}
          </button>
        ))}
      </div>
      {/* The ends are already part of the 0 and 10 names, so screen readers skip this visual legend. */}
      <div class="ends" aria-hidden="true">
        <span>{lowLabel}</span>
        <span>{highLabel}</span>
      </div>
      {onSkip && (
        <div class="actions">
          <button type="button" class="button secondary" onClick={onSkip}>
            Skip
          </button>
        </div>
      )}
    </div>
  );
}
