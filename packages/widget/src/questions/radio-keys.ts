/**
 * Where a key moves in a radio group of `count` items from item `i` (the WAI-ARIA radio group pattern): the next or
 * previous item, wrapping, with left and right mirrored in right-to-left layouts; Home/End to the ends. Undefined
 * for any other key. Shared by every radio group of the survey, so they all move alike.
 */
export function radioKeyTarget(event: KeyboardEvent, i: number, count: number): number | undefined {
  const rtl = (event.currentTarget as Element).closest('[dir="rtl"]') !== null;
  const last = count - 1;
  switch (event.key) {
    case rtl ? 'ArrowLeft' : 'ArrowRight':
    case 'ArrowDown':
      return (i + 1) % count;
    case rtl ? 'ArrowRight' : 'ArrowLeft':
    case 'ArrowUp':
      return (i + last) % count;
    case 'Home':
      return 0;
    case 'End':
      return last;
    default:
      return undefined;
  }
}
