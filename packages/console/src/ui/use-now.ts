import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';

/** The current time, re-read every `everyMs`, so "2 h left" counts down while the page stays open. */
export function useNow(everyMs = 30_000): number {
  const now = useSignal(Date.now());
  useEffect(() => {
    const timer = setInterval(() => (now.value = Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now.value;
}
