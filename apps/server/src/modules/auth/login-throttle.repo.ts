import { and, inArray, isNull, lt, or, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/client.ts";
import { loginFailures } from "./auth.schema.ts";

/** The latest block end among `keys`, if any is still blocked at `now`. */
export async function findBlock(db: Db, keys: readonly string[], now: Date): Promise<Date | null> {
  const rows = await db
    .select()
    .from(loginFailures)
    .where(inArray(loginFailures.key, [...keys]));
  const ends = rows.map((r) => r.blockedUntil).filter((d): d is Date => d !== null && d > now);
  return ends.length === 0 ? null : new Date(Math.max(...ends.map((d) => d.getTime())));
}

/**
 * Counts one failure under `key` within a window of `windowMs` (a stale window starts over); when
 * the count reaches `max` the key is blocked until `now + windowMs`. One statement, so concurrent
 * attempts from two processes are counted exactly.
 */
export async function countFailure(db: Db, key: string, max: number, windowMs: number, now: Date): Promise<void> {
  const windowStart = new Date(now.getTime() - windowMs).toISOString();
  const until = new Date(now.getTime() + windowMs).toISOString();
  const nowIso = now.toISOString();
  const stale = sql`${loginFailures.windowStartedAt} < ${windowStart}::timestamptz`;
  const next = sql`case when ${stale} then 1 else ${loginFailures.failures} + 1 end`;
  await db
    .insert(loginFailures)
    .values({ key, failures: 1, windowStartedAt: now, blockedUntil: max <= 1 ? new Date(until) : null })
    .onConflictDoUpdate({
      target: loginFailures.key,
      set: {
        failures: next,
        windowStartedAt: sql`case when ${stale} then ${nowIso}::timestamptz else ${loginFailures.windowStartedAt} end`,
        blockedUntil: sql`case when ${next} >= ${max} then ${until}::timestamptz else ${loginFailures.blockedUntil} end`,
      },
    });
}

export async function clearFailures(db: Db, key: string): Promise<void> {
  await db.delete(loginFailures).where(inArray(loginFailures.key, [key]));
}

/** Drops counters whose window started before `before` and whose block (if any) is over at `now`. */
export async function purgeStaleFailures(db: Db, before: Date, now: Date): Promise<number> {
  const rows = await db
    .delete(loginFailures)
    .where(
      and(
        lt(loginFailures.windowStartedAt, before),
        or(isNull(loginFailures.blockedUntil), lt(loginFailures.blockedUntil, now)),
      ),
    )
    .returning({ key: loginFailures.key });
  return rows.length;
}
