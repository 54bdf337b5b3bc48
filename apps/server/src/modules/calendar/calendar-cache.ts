import type { Db } from "../../platform/db/client.ts";
import { insertCalendarExceptions, readCalendarExceptions, readTenantCalendarExceptions } from "./calendar.repo.ts";
import { chineseDaysExceptions } from "./chinese-days.ts";
import { buildWorkCalendar, type WorkCalendar } from "./work-calendar.ts";

// The calendar is read on every deadline: one cache of the national days and one per tenant that
// has days of its own, whatever connection or transaction asks; entering days clears it.
const TTL_MS = 60_000;
type Entry = { at: number; value: WorkCalendar; rows: Awaited<ReturnType<typeof readCalendarExceptions>> };
let national: Entry | undefined;
const perTenant = new Map<string, { at: number; value: WorkCalendar }>();

async function nationalEntry(db: Db): Promise<Entry> {
  if (national && Date.now() - national.at < TTL_MS) {
    return national;
  }
  let rows = await readCalendarExceptions(db);
  if (rows.length === 0) {
    await insertCalendarExceptions(db, chineseDaysExceptions(), "chinese-days");
    rows = await readCalendarExceptions(db);
  }
  national = { at: Date.now(), value: buildWorkCalendar(rows), rows };
  return national;
}

/** The national calendar, or with `tenantId` the tenant's: national days overlaid by its own. */
export async function getCachedCalendar(db: Db, tenantId?: string): Promise<WorkCalendar> {
  const base = await nationalEntry(db);
  if (!tenantId) {
    return base.value;
  }
  const hit = perTenant.get(tenantId);
  if (hit && Date.now() - hit.at < TTL_MS) {
    return hit.value;
  }
  const local = await readTenantCalendarExceptions(db, tenantId);
  const merged = new Map(base.rows.map((r) => [r.day, r]));
  for (const r of local) {
    merged.set(r.day, r);
  }
  const value = local.length === 0 ? base.value : buildWorkCalendar([...merged.values()]);
  perTenant.set(tenantId, { at: Date.now(), value });
  return value;
}

export function invalidateCalendar(): void {
  national = undefined;
  perTenant.clear();
}
