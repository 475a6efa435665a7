import { signal } from '@preact/signals';

export interface Toast {
  id: number;
  tone: 'success' | 'error';
  message: string;
}

/** Short messages after an action ("Case resolved"), each gone after a while or when dismissed. */
export function createToasts({ timeoutMs = 6000 }: { timeoutMs?: number } = {}) {
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
      list.value = [...list.value, { id, tone, message }];
      setTimeout(() => dismiss(id), timeoutMs);
    },
  };
}
export type Toasts = ReturnType<typeof createToasts>;
