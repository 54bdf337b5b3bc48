import type { Db } from "../../platform/db/client.ts";
import { insertCalendarExceptions, readCalendarExceptions } from "./calendar.repo.ts";
import { chineseDaysExceptions } from "./chinese-days.ts";
import { buildWorkCalendar, type WorkCalendar } from "./work-calendar.ts";

// The calendar is national and read on every deadline: one cache, whatever connection or
// transaction asks; entering days clears it.
const TTL_MS = 60_000;
let cached: { at: number; value: WorkCalendar } | undefined;

export async function getCachedCalendar(db: Db): Promise<WorkCalendar> {
  if (cached && Date.now() - cached.at < TTL_MS) {
    return cached.value;
  }
  let rows = await readCalendarExceptions(db);
  if (rows.length === 0) {
    await insertCalendarExceptions(db, chineseDaysExceptions(), "chinese-days");
    rows = await readCalendarExceptions(db);
  }
  const value = buildWorkCalendar(rows);
  cached = { at: Date.now(), value };
  return value;
}

export function invalidateCalendar(): void {
  cached = undefined;
}
