/*
 * The 诉求分析 page's state in its URL: a period of calendar days (Asia/Shanghai), the week tested
 * for rising topics, and an optional town and unit.
 */

export type AppealsParams = {
  from: string;
  to: string;
  /** Any day of the week tested for rising topics (the server takes Monday to Sunday). */
  week: string;
  townId?: string | undefined;
  unitId?: string | undefined;
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The Asia/Shanghai calendar day of an instant, whatever the browser's zone. */
export function shanghaiDay(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Monday of the week of `day`. */
export function mondayOf(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, -((weekday + 6) % 7));
}

/** The last complete week (Monday to Sunday) before the one `now` falls in. */
export function lastCompleteWeek(now: Date): { from: string; to: string } {
  const from = addDays(mondayOf(shanghaiDay(now)), -7);
  return { from, to: addDays(from, 6) };
}

/** The calendar month before the one `now` falls in (the monthly briefing's default). */
export function lastCompleteMonth(now: Date): { from: string; to: string } {
  const first = `${shanghaiDay(now).slice(0, 7)}-01`;
  const to = addDays(first, -1);
  return { from: `${to.slice(0, 7)}-01`, to };
}

/**
 * Reads the page's state; a day that is not YYYY-MM-DD falls back to the last complete week. A
 * well-formed but impossible period (reversed, over three years) is passed on for the server to
 * refuse in Chinese.
 */
export function readAppealsParams(search: URLSearchParams, now: Date): AppealsParams {
  const get = (k: string) => search.get(k)?.trim() || undefined;
  const day = (k: string) => {
    const v = get(k);
    return v && DAY.test(v) ? v : undefined;
  };
  const week = lastCompleteWeek(now);
  const from = day("from") ?? (day("week") ? mondayOf(day("week") ?? "") : week.from);
  const to = day("to") ?? (day("week") ? addDays(mondayOf(day("week") ?? ""), 6) : week.to);
  return { from, to, week: day("week") ?? to, townId: get("townId"), unitId: get("unitId") };
}

/** [from, to) instants of a period of days, as the ticket list filters on. */
export function periodInstants(from: string, to: string): { from: string; to: string } {
  return { from: `${from}T00:00:00+08:00`, to: `${addDays(to, 1)}T00:00:00+08:00` };
}
