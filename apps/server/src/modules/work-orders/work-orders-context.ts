import { randomUUID } from "node:crypto";
import type { WoCategory, WoKind, WoUrgency } from "../../../../../packages/contracts/src/work-orders.ts";
import type { Db } from "../../platform/db/client.ts";
import { getCachedCalendar } from "../calendar/calendar-cache.ts";
import { findOrgUnitByCode, findRootUnit, type OrgUnitRow } from "../org/org.repo.ts";
import type { LimitUnit } from "./sla.ts";
import { DEFAULT_POLICIES, type PolicyRow, pickPolicy } from "./sla-policy.ts";
import { findPolicies, insertPolicies } from "./work-orders.repo.ts";

// Reference data read on every intake, cached briefly per process: the calendar, each tenant's
// root path and its SLA policies by year. A minute's staleness after an edit is acceptable.
const TTL_MS = 60_000;
type Cached<T> = { at: number; value: T };

const roots = new Map<string, string>();
const policies = new Map<string, Cached<PolicyRow[]>>();

export const getCalendar = getCachedCalendar;

export async function getRootPath(db: Db, tenantId: string): Promise<string> {
  const hit = roots.get(tenantId);
  if (hit) {
    return hit;
  }
  const root = await findRootUnit(db, tenantId);
  if (!root) {
    throw new Error(`tenant ${tenantId} has no root unit`);
  }
  roots.set(tenantId, root.path);
  return root.path;
}

const asUnit = (u: string): LimitUnit => (u === "h" ? "h" : "wd");

/** The tenant's policy rows for a year, created from the defaults the first time a year is used. */
export async function getPolicies(db: Db, tenantId: string, year: number): Promise<PolicyRow[]> {
  const key = `${tenantId}:${year}`;
  const hit = policies.get(key);
  if (hit && Date.now() - hit.at < TTL_MS) {
    return hit.value;
  }
  let rows = await findPolicies(db, tenantId, year);
  if (rows.length === 0) {
    await insertPolicies(
      db,
      DEFAULT_POLICIES.map((p) => ({ ...p, id: randomUUID(), tenantId, year })),
    ); // a concurrent first intake of the year may have inserted them: conflicts are skipped
    rows = await findPolicies(db, tenantId, year);
  }
  const value: PolicyRow[] = rows.map((r) => ({
    ...r,
    acceptUnit: asUnit(r.acceptUnit),
    closeUnit: asUnit(r.closeUnit),
  }));
  policies.set(key, { at: Date.now(), value });
  return value;
}

export async function policyFor(
  db: Db,
  tenantId: string,
  at: Date,
  kind: WoKind,
  category: WoCategory,
  urgency: WoUrgency,
) {
  const year = new Date(at.getTime() + 8 * 3600_000).getUTCFullYear();
  return pickPolicy(await getPolicies(db, tenantId, year), kind, category, urgency);
}

const unitsByCode = new Map<string, Cached<OrgUnitRow | undefined>>();

/** Org units by division code, cached: every intake names its town and community by code. */
export async function findUnitByCode(db: Db, tenantId: string, code: string): Promise<OrgUnitRow | undefined> {
  const key = `${tenantId}:${code}`;
  const hit = unitsByCode.get(key);
  if (hit && Date.now() - hit.at < TTL_MS) {
    return hit.value;
  }
  const value = await findOrgUnitByCode(db, tenantId, code);
  unitsByCode.set(key, { at: Date.now(), value });
  return value;
}

export function invalidatePolicies(tenantId: string, year: number): void {
  policies.delete(`${tenantId}:${year}`);
}
