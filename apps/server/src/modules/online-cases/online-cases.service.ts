import { createHash, randomUUID } from "node:crypto";
import { and, asc, count, desc, eq, gte, lt, type SQL } from "drizzle-orm";
import type {
  OnlineCase,
  OnlineCaseInput,
  OnlineCaseListQuery,
  OnlineCaseResult,
} from "../../../../../packages/contracts/src/online-cases.ts";
import { pathInScope } from "../../platform/access.ts";
import { scopeFor } from "../../platform/access-can.ts";
import type { Ctx } from "../../platform/actor.ts";
import type { Db } from "../../platform/db/client.ts";
import { conflict, notFound, validation } from "../../platform/errors.ts";
import { maskIdNumber, maskPhone } from "../../platform/mask.ts";
import { assertIdNumber } from "../appointments/booking.service.ts";
import type { RatableCase } from "../appointments/service-cases.service.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { canonicalJson } from "../audit/audit-hash.ts";
import { unitNames } from "../evaluations/evaluations.repo.ts";
import { findOrgUnitByName } from "../org/org.repo.ts";
import { canReceiveOnlineCase, canViewOnlineCase, VIEW_ONLINE_CASES } from "./online-cases.policy.ts";
import { type OnlineCaseRow, onlineCases as oc } from "./online-cases.schema.ts";

// The portal's clock may run a little ahead of ours.
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * Stores a case the portal pushes. Idempotent by case number: the same content again answers
 * with the stored case (`created: false`); other content under that number is a conflict.
 * @throws validation (ID number, time, unknown department), conflict `intake_conflict`
 */
export async function receiveOnlineCase(
  ctx: Ctx,
  input: OnlineCaseInput,
): Promise<{ id: string; caseNo: string; created: boolean }> {
  const now = ctx.clock.now();
  if (input.idNumber) {
    assertIdNumber(input.idNumber, now);
  }
  if (Date.parse(input.finishedAt) > now.getTime() + CLOCK_SKEW_MS) {
    throw validation([{ path: "finishedAt", message: "办结时间不能晚于当前时间" }]);
  }
  const tenantId = ctx.actor.tenantId;
  const unit = await findOrgUnitByName(ctx.db, tenantId, input.departmentName);
  if (!unit || !canReceiveOnlineCase(ctx.actor, unit)) {
    throw validation([{ path: "departmentName", message: "未找到该部门，或该部门不在本接口密钥的授权范围内" }]);
  }
  const payloadHash = createHash("sha256").update(canonicalJson(input)).digest("hex");
  const id = randomUUID();
  const inserted = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(oc)
      .values({
        id,
        tenantId,
        caseNo: input.caseNo,
        payloadHash,
        itemCode: input.itemCode,
        itemName: input.itemName,
        unitId: unit.id,
        scopePath: unit.path,
        handlerName: input.handlerName ?? null,
        applicantName: input.applicantName,
        idNumber: input.idNumber ?? null,
        phone: input.phone,
        submittedAt: new Date(input.submittedAt),
        finishedAt: new Date(input.finishedAt),
        result: input.result,
        receivedAt: now,
        source: ctx.actor.kind === "api_key" ? ctx.actor.name : "系统",
      })
      .onConflictDoNothing()
      .returning({ id: oc.id });
    if (row) {
      await recordAudit(
        { ...ctx, db: tx },
        {
          action: "online_case.receive",
          entityType: "online_case",
          entityId: id,
          scopePath: unit.path,
          summary: { caseNo: input.caseNo, itemCode: input.itemCode, result: input.result },
        },
      );
    }
    return Boolean(row);
  });
  if (inserted) {
    return { id, caseNo: input.caseNo, created: true };
  }
  const [existing] = await ctx.db
    .select({ id: oc.id, payloadHash: oc.payloadHash })
    .from(oc)
    .where(and(eq(oc.tenantId, tenantId), eq(oc.caseNo, input.caseNo)));
  if (!existing || existing.payloadHash !== payloadHash) {
    throw conflict(`办件编号 ${input.caseNo} 已推送过且内容不同`, { code: "intake_conflict" });
  }
  return { id: existing.id, caseNo: input.caseNo, created: false };
}

function toDto(r: OnlineCaseRow, unitName: string): OnlineCase {
  return {
    id: r.id,
    caseNo: r.caseNo,
    itemCode: r.itemCode,
    itemName: r.itemName,
    unitId: r.unitId,
    unitName,
    handlerName: r.handlerName,
    applicantName: r.applicantName,
    idNumber: maskIdNumber(r.idNumber),
    phone: maskPhone(r.phone) ?? "",
    submittedAt: r.submittedAt.toISOString(),
    finishedAt: r.finishedAt.toISOString(),
    result: r.result as OnlineCaseResult,
  };
}

/** Online cases of the units the actor may see ratings of, newest first; personal data masked. */
export async function listOnlineCases(
  ctx: Ctx,
  q: OnlineCaseListQuery,
): Promise<{ total: number; items: OnlineCase[] }> {
  const conds: SQL[] = [
    eq(oc.tenantId, ctx.actor.tenantId),
    pathInScope(oc.scopePath, scopeFor(ctx.actor, VIEW_ONLINE_CASES)),
  ];
  // Days are business days in Beijing.
  if (q.from) {
    conds.push(gte(oc.finishedAt, new Date(`${q.from}T00:00:00+08:00`)));
  }
  if (q.to) {
    conds.push(lt(oc.finishedAt, new Date(Date.parse(`${q.to}T00:00:00+08:00`) + 86_400_000)));
  }
  if (q.itemCode) {
    conds.push(eq(oc.itemCode, q.itemCode));
  }
  const where = and(...conds);
  const [total] = await ctx.db.select({ n: count() }).from(oc).where(where);
  const rows = await ctx.db
    .select()
    .from(oc)
    .where(where)
    .orderBy(desc(oc.finishedAt), asc(oc.caseNo))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const names = await unitNames(
    ctx.db,
    rows.map((r) => r.unitId),
  );
  return { total: Number(total?.n ?? 0), items: rows.map((r) => toDto(r, names.get(r.unitId) ?? "")) };
}

/** One online case; out of the actor's scope it does not exist. @throws not_found */
export async function getOnlineCase(ctx: Ctx, id: string): Promise<OnlineCase> {
  const [row] = await ctx.db
    .select()
    .from(oc)
    .where(and(eq(oc.tenantId, ctx.actor.tenantId), eq(oc.id, id)));
  if (!row || !canViewOnlineCase(ctx.actor, row)) {
    throw notFound("online_case");
  }
  const names = await unitNames(ctx.db, [row.unitId]);
  return toDto(row, names.get(row.unitId) ?? "");
}

/** What 好差评 needs of an online case: the department rated, the item and the applicant. */
function toRatable(r: OnlineCaseRow): RatableCase {
  return {
    id: r.id,
    tenantId: r.tenantId,
    label: `${r.itemName}（网上办理 ${r.caseNo}）`,
    unitId: r.unitId,
    scopePath: r.scopePath,
    windowName: null,
    staffName: r.handlerName,
    itemCode: r.itemCode,
    personName: r.applicantName,
    phone: r.phone,
    idNumber: r.idNumber,
    finishedAt: r.finishedAt,
  };
}

/** Online cases under the portal's case number (one per tenant that received it). */
export async function findRatableOnlineCases(db: Db, caseNo: string): Promise<RatableCase[]> {
  const rows = await db.select().from(oc).where(eq(oc.caseNo, caseNo)).limit(10);
  return rows.map(toRatable);
}

/** Online cases finished in [from, to): the ones whose rating window may have lapsed. */
export async function findOnlineCasesFinishedBetween(db: Db, from: Date, to: Date): Promise<RatableCase[]> {
  const rows = await db
    .select()
    .from(oc)
    .where(and(gte(oc.finishedAt, from), lt(oc.finishedAt, to)))
    .limit(50_000);
  return rows.map(toRatable);
}
