/** Today's date in business time (Asia/Shanghai), YYYY-MM-DD. */
export function businessDate(now: Date): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/**
 * The instant a version must still be valid at for the catalog "as of" a date: the start of the
 * next day in business time. A version holds on [valid_from, valid_to), so "as of D" means the
 * last version that began before D+1 00:00 (Asia/Shanghai) and had not ended before it.
 */
export function asOfBoundary(asOf: string): Date {
  const d = new Date(`${asOf}T00:00:00+08:00`);
  return new Date(d.getTime() + 24 * 3600_000);
}
