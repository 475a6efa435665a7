import { useSignal } from '@preact/signals';
import type { RefObject } from 'preact';
import { useEffect } from 'preact/hooks';

/**
 * The element's width in CSS pixels, followed as it changes, so an SVG chart can draw in pixels (labels stay 12 px on
 * a phone instead of shrinking with a scaled viewBox). `fallback` until measured (and where ResizeObserver is missing).
 */
export function useWidth(ref: RefObject<HTMLElement | null>, fallback: number) {
  const width = useSignal(fallback);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const measure = () => {
      if (element.clientWidth > 0) width.value = element.clientWidth;
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref.current]);
  return width;
}
