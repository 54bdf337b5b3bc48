import type { Db } from "../../platform/db/client.ts";
import { findGrantWithResource } from "./requests.repo.ts";

/*
 * A consumer system calls the data service many times a second with the same credential: its grant and
 * resource are kept for a few seconds (as resolved API keys are), which spares a statement per call.
 * Expiry is decided per call from the kept dates. A revocation or a resource edit clears this process's
 * copy once committed; other processes notice within the TTL, as they do a revoked key.
 */
const TTL_MS = 5_000;
const MAX_ENTRIES = 1_000;

type Found = NonNullable<Awaited<ReturnType<typeof findGrantWithResource>>>;
const kept = new Map<string, { at: number; found: Found }>();
// A read that began before a clear must not keep what it read: it may predate the committed change.
let generation = 0;

export async function servedGrant(db: Db, tenantId: string, grantId: string, code: string): Promise<Found | undefined> {
  const key = `${tenantId}\u0000${grantId}\u0000${code}`;
  const hit = kept.get(key);
  if (hit && Date.now() - hit.at < TTL_MS) {
    return hit.found;
  }
  const startedAt = generation;
  const found = await findGrantWithResource(db, tenantId, grantId, code);
  if (found && startedAt === generation) {
    if (kept.size >= MAX_ENTRIES) {
      kept.clear();
    }
    kept.set(key, { at: Date.now(), found });
  }
  return found;
}

/** Called after a grant or resource change is committed: the next call reads it afresh. */
export function forgetServedGrants(): void {
  generation += 1;
  kept.clear();
}
