import { sql } from "drizzle-orm";
import type { Clock } from "./clock.ts";
import type { Db } from "./db/client.ts";
import { queryRows } from "./db/rows.ts";
import { AppError } from "./errors.ts";

/**
 * Failed proofs allowed per window: per subject (one ticket, booking or service) so that a 4-digit
 * tail cannot be guessed — 5 tries an hour leave 1 chance in 2,000 a day — and per address so that
 * one client cannot spray many subjects.
 */
export const PROOF_LIMITS = { perSubject: 5, perAddress: 30, windowMs: 3600_000 } as const;

export type ProofBuckets = { subject: string; address: string };

const keysOf = (b: ProofBuckets) => [
  { key: `subject:${b.subject}`, limit: PROOF_LIMITS.perSubject },
  { key: `address:${b.address}`, limit: PROOF_LIMITS.perAddress },
];

/**
 * Counts one attempt in each bucket (atomically, so parallel guesses cannot slip past the check)
 * and answers how long the caller must wait when a bucket is over its limit, else 0.
 */
async function takeAttempt(db: Db, keys: { key: string; limit: number }[], now: Date): Promise<number> {
  const windowStart = new Date(now.getTime() - PROOF_LIMITS.windowMs);
  let waitMs = 0;
  for (const { key, limit } of keys) {
    const [row] = await queryRows<{ failures: number; started: Date | string }>(
      db,
      sql`insert into proof_failures as p (bucket, failures, window_started_at)
          values (${key}, 1, ${now.toISOString()})
          on conflict (bucket) do update set
            failures = case when p.window_started_at <= ${windowStart.toISOString()} then 1 else p.failures + 1 end,
            window_started_at = case when p.window_started_at <= ${windowStart.toISOString()}
              then ${now.toISOString()}::timestamptz else p.window_started_at end
          returning failures, window_started_at as started`,
    );
    if (row && Number(row.failures) > limit) {
      const until = new Date(row.started).getTime() + PROOF_LIMITS.windowMs;
      waitMs = Math.max(waitMs, until - now.getTime());
    }
  }
  return waitMs;
}

/** Gives back an attempt that proved right (or failed for another reason than the proof). */
async function refundAttempt(db: Db, keys: { key: string }[]): Promise<void> {
  for (const { key } of keys) {
    await db.execute(sql`update proof_failures set failures = greatest(failures - 1, 0) where bucket = ${key}`);
  }
}

/**
 * Runs a public lookup whose `not_found` means a wrong proof: each such failure counts against the
 * subject and the address; over either limit, even a right proof is refused until the window ends.
 * @throws rate_limited (with details.retryAfterSeconds), and whatever `run` throws
 */
export async function withProofLimit<T>(
  db: Db,
  clock: Clock,
  buckets: ProofBuckets,
  run: () => Promise<T>,
): Promise<T> {
  const keys = keysOf(buckets);
  const waitMs = await takeAttempt(db, keys, clock.now());
  if (waitMs > 0) {
    const retryAfterSeconds = Math.ceil(waitMs / 1000);
    throw new AppError("rate_limited", `验证失败次数过多，请 ${Math.ceil(retryAfterSeconds / 60)} 分钟后再试`, {
      retryAfterSeconds,
    });
  }
  try {
    const result = await run();
    await refundAttempt(db, keys);
    return result;
  } catch (err) {
    if (!(err instanceof AppError && err.code === "not_found")) {
      await refundAttempt(db, keys);
    }
    throw err;
  }
}

/** Drops counters whose window is over (the next failure would start a new one anyway); returns how many. */
export async function pruneProofFailures(db: Db, now: Date): Promise<number> {
  const windowStart = new Date(now.getTime() - PROOF_LIMITS.windowMs).toISOString();
  const rows = await queryRows<{ bucket: string }>(
    db,
    sql`delete from proof_failures where window_started_at <= ${windowStart}::timestamptz returning bucket`,
  );
  return rows.length;
}
