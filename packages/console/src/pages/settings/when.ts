const FORMAT = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A timestamp as the reader's local date and time. */
export function when(iso: string): string {
  return FORMAT.format(new Date(iso));
}
