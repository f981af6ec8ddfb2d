/** Formatting the views share. */

/** A date and time in the reader's locale (medium date, short time); the input itself when it is not a date. */
export function formatWhen(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
