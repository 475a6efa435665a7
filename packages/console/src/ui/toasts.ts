import { signal } from '@preact/signals';

export interface Toast {
  id: number;
  tone: 'success' | 'error';
  message: string;
}

/**
 * Short messages after an action ("Case resolved"), each gone after a while or when dismissed; only the newest few
 * stay, so a quick run of changes never buries the form being worked on.
 */
export function createToasts({ timeoutMs = 5000, keep = 2 }: { timeoutMs?: number; keep?: number } = {}) {
  const list = signal<Toast[]>([]);
  let nextId = 1;
  const dismiss = (id: number) => {
    list.value = list.value.filter((toast) => toast.id !== id);
  };
  return {
    list,
    dismiss,
    show(tone: Toast['tone'], message: string) {
      const id = nextId++;
      list.value = [...list.value, { id, tone, message }].slice(-keep);
      setTimeout(() => dismiss(id), timeoutMs);
    },
  };
}
export type Toasts = ReturnType<typeof createToasts>;
