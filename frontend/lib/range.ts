/** The overview's date range: `from`/`to` days from the URL, else the last 30 days to today. */
export type DayRange = { from: string; to: string };

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function effectiveRange(from: string, to: string, today: Date = new Date()): DayRange {
  const end = DAY.test(to) ? to : isoDay(today);
  const start = DAY.test(from) ? from : isoDay(new Date(Date.parse(`${end}T00:00:00Z`) - 29 * 86_400_000));
  return start <= end ? { from: start, to: end } : { from: end, to: start };
}

/** A conversion or win rate as a percentage (`0.4` -> `40%`), or a dash without one. */
export function percent(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? "–" : `${Math.round(rate * 1000) / 10}%`;
}
