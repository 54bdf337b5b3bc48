import { and, asc, eq, gte, inArray, lt } from "drizzle-orm";
import type { Db } from "../../platform/db/client.ts";
import { halls, serviceCases } from "./appointments.schema.ts";
import { findHallById } from "./halls.repo.ts";

/** What 好差评 needs of a finished service case: who served it and who may rate it. */
export type RatableCase = {
  id: string;
  tenantId: string;
  label: string;
  unitId: string | null;
  scopePath: string;
  /** Null for a case handled online (no window; the handler may be unnamed). */
  windowName: string | null;
  staffName: string | null;
  itemCode: string;
  personName: string | null;
  phone: string | null;
  idNumber: string | null;
  finishedAt: Date;
};

async function toRatable(db: Db, c: typeof serviceCases.$inferSelect): Promise<RatableCase> {
  const hall = await findHallById(db, c.tenantId, c.hallId);
  return {
    id: c.id,
    tenantId: c.tenantId,
    label: `${c.itemName}（${hall?.name ?? "大厅"} ${c.windowName}）`,
    unitId: hall?.orgUnitId ?? null,
    scopePath: c.scopePath,
    windowName: c.windowName,
    staffName: c.staffName,
    itemCode: c.itemCode,
    personName: c.personName,
    phone: c.phone,
    idNumber: c.idNumber,
    finishedAt: c.finishedAt,
  };
}

/**
 * Service cases by the number on the citizen's receipt or message: the 办件编号 (BJ2022-0000001, one
 * per tenant, so the caller tells them apart by the phone tail) or, from older links, the case id.
 */
export async function findRatableServiceCases(db: Db, number: string): Promise<RatableCase[]> {
  const where = /^[0-9a-f-]{36}$/i.test(number) ? eq(serviceCases.id, number) : eq(serviceCases.caseNo, number);
  const rows = await db.select().from(serviceCases).where(where).limit(50);
  const out: RatableCase[] = [];
  for (const r of rows) {
    out.push(await toRatable(db, r));
  }
  return out;
}

/** Cases finished in [from, to): the ones whose rating window may have lapsed. */
export async function findServiceCasesFinishedBetween(db: Db, from: Date, to: Date): Promise<RatableCase[]> {
  const rows = await db
    .select()
    .from(serviceCases)
    .where(and(gte(serviceCases.finishedAt, from), lt(serviceCases.finishedAt, to)))
    .limit(50_000);
  const out: RatableCase[] = [];
  for (const r of rows) {
    out.push(await toRatable(db, r));
  }
  return out;
}

/** The cases served on a booking, for its holder to rate. */
export async function findCasesOfBooking(
  db: Db,
  bookingId: string,
): Promise<{ number: string; itemName: string; finishedAt: string }[]> {
  const rows = await db
    .select({
      id: serviceCases.id,
      caseNo: serviceCases.caseNo,
      itemName: serviceCases.itemName,
      finishedAt: serviceCases.finishedAt,
    })
    .from(serviceCases)
    .where(eq(serviceCases.bookingId, bookingId))
    .orderBy(asc(serviceCases.finishedAt));
  return rows.map((r) => ({ number: r.caseNo ?? r.id, itemName: r.itemName, finishedAt: r.finishedAt.toISOString() }));
}

/** A case with what 容缺受理 needs: its hall, applicant and when it was accepted. */
export async function findCaseForDeferral(db: Db, tenantId: string, id: string) {
  const [row] = await db
    .select()
    .from(serviceCases)
    .where(and(eq(serviceCases.tenantId, tenantId), eq(serviceCases.id, id)));
  return row;
}

/** Marks a case as accepted with deferral (容缺受理) once the promise is on record. */
export async function markCaseDeferred(db: Db, id: string): Promise<void> {
  await db.update(serviceCases).set({ result: "deferred" }).where(eq(serviceCases.id, id));
}

/** What a person reads for a case instead of ids: its 办件编号 (null until numbered) and its hall's name. */
export type CaseLabel = { caseNo: string | null; hallName: string };

export async function findCaseLabels(db: Db, caseIds: readonly string[]): Promise<Map<string, CaseLabel>> {
  const ids = [...new Set(caseIds)];
  if (ids.length === 0) {
    return new Map();
  }
  const rows = await db
    .select({ id: serviceCases.id, caseNo: serviceCases.caseNo, hallName: halls.name })
    .from(serviceCases)
    .innerJoin(halls, eq(halls.id, serviceCases.hallId))
    .where(inArray(serviceCases.id, ids));
  return new Map(rows.map((r) => [r.id, { caseNo: r.caseNo, hallName: r.hallName }]));
}
