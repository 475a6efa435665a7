/** A star, filled when lit; the button around it carries the name, so the drawing is hidden from screen readers. */
export function Star({ lit }: { lit: boolean }) {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false" class="icon">
      <path
        d="M12 2.5l2.9 6 6.6.9-4.8 4.6 1.2 6.5L12 17.4l-5.9 3.1 1.2-6.5-4.8-4.6 6.6-.9z"
        fill={lit ? 'currentColor' : 'none'}
        stroke="currentColor"
        stroke-width="1.6"
        stroke-linejoin="round"
      />
    </svg>
  );
}

/** How far the mouth curves for CSAT 1–5: a frown, through a straight line, to a smile. */
const MOUTH = [-3.5, -1.8, 0, 1.8, 3.5];

/** A face for a CSAT score from 1 to 5. */
export function Face({ score }: { score: number }) {
  const curve = MOUTH[score - 1] ?? 0;
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false" class="icon">
      <circle cx="12" cy="12" r="9.5" fill="none" stroke="currentColor" stroke-width="1.6" />
      <circle cx="8.8" cy="9.6" r="1.3" fill="currentColor" />
      <circle cx="15.2" cy="9.6" r="1.3" fill="currentColor" />
      <path d={`M7.8 ${15.5 - curve / 2}Q12 ${15.5 + curve} 16.2 ${15.5 - curve / 2}`} fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" />
    </svg>
  );
}
