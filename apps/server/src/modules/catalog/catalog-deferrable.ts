import type { Db } from "../../platform/db/client.ts";
import { findVersion } from "./catalog.repo.ts";
import { asOfBoundary } from "./catalog-time.ts";

/**
 * Whether an item was on the published 容缺受理 list at the end of `asOf` (ISO date): only those
 * items may be accepted with secondary materials missing.
 */
export async function isOnDeferrableList(db: Db, tenantId: string, itemCode: string, asOf: string): Promise<boolean> {
  const v = await findVersion(db, tenantId, { code: itemCode }, asOfBoundary(asOf));
  return v !== undefined && !v.withdrawn && v.isDeferrable;
}
