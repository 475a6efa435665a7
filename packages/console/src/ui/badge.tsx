import type { ComponentChildren } from 'preact';

export type BadgeTone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

/** A short label whose words carry the meaning; the tone only repeats it in colour. */
export function Badge({ tone = 'neutral', children, title }: { tone?: BadgeTone; children: ComponentChildren; title?: string }) {
  return (
    <span class={`badge badge-${tone}`} title={title}>
      {children}
    </span>
  );
}
