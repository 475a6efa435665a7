import type { ComponentChildren } from 'preact';

/** What a list shows when it has nothing: says so, and what to do about it. */
export function EmptyState({ title, children }: { title: string; children?: ComponentChildren }) {
  return (
    <div class="empty-state">
      <p class="empty-state-title">{title}</p>
      {children && <div class="empty-state-body">{children}</div>}
    </div>
  );
}
