import { randomUUID } from "node:crypto";
import type { CreditFlagInput } from "../../../../../packages/contracts/src/deferrals.ts";
import { checkIdNumber, ID_NUMBER_MESSAGES } from "../../../../../packages/contracts/src/id-number.ts";
import { scopeFor } from "../../platform/access-can.ts";
import type { Ctx } from "../../platform/actor.ts";
import { authorize, conflict, notFound, validation } from "../../platform/errors.ts";
import { maskIdNumber } from "../../platform/mask.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { businessDay } from "../calendar/work-calendar.ts";
import { findRootUnit } from "../org/org.repo.ts";
import { canManageCredit, MANAGE_CREDIT } from "./deferrals.policy.ts";
import {
  type CreditFlagRow,
  findCreditFlag,
  findOpenCreditFlag,
  insertCreditFlag,
  listCreditFlags,
  updateCreditFlag,
} from "./deferrals.repo.ts";
import { actorName } from "./deferrals.service.ts";

const toDto = (f: CreditFlagRow) => ({
  id: f.id,
  idNumber: maskIdNumber(f.idNumber) ?? "",
  personName: f.personName,
  reason: f.reason,
  source: f.source,
  listedOn: f.listedOn,
  liftedAt: f.liftedAt?.toISOString() ?? null,
  liftNote: f.liftNote,
});

/** 失信记录 is district-wide: it lives on the tenant's root and needs a district-level grant. */
async function rootPath(ctx: Ctx): Promise<string> {
  const root = await findRootUnit(ctx.db, ctx.actor.tenantId);
  if (!root) {
    throw notFound("tenant");
  }
  return root.path;
}

export async function listCreditFlagsFor(ctx: Ctx, page: { page: number; pageSize: number }) {
  const r = await listCreditFlags(ctx.db, ctx.actor.tenantId, scopeFor(ctx.actor, MANAGE_CREDIT), {
    offset: (page.page - 1) * page.pageSize,
    limit: page.pageSize,
  });
  return { total: r.total, items: r.items.map(toDto) };
}

/** Lists an applicant as having bad credit. @throws forbidden, validation, conflict */
export async function addCreditFlag(ctx: Ctx, input: CreditFlagInput) {
  const scopePath = await rootPath(ctx);
  authorize(
    canManageCredit(ctx.actor, { tenantId: ctx.actor.tenantId, scopePath }),
    "只有区级监督员或管理员可以维护失信名单",
  );
  const now = ctx.clock.now();
  const problem = checkIdNumber(input.idNumber, businessDay(now));
  if (problem) {
    throw validation([{ path: "idNumber", message: ID_NUMBER_MESSAGES[problem] }]);
  }
  if (input.listedOn > businessDay(now)) {
    throw validation([{ path: "listedOn", message: "认定日期不能晚于今天" }]);
  }
  if (await findOpenCreditFlag(ctx.db, ctx.actor.tenantId, input.idNumber)) {
    throw conflict("该身份证号已在失信名单中", { code: "duplicate" });
  }
  const id = randomUUID();
  await ctx.db.transaction(async (tx) => {
    await insertCreditFlag(tx, {
      id,
      tenantId: ctx.actor.tenantId,
      scopePath,
      ...input,
      createdBy: actorName(ctx.actor),
      createdAt: now,
    });
    await recordAudit(
      { db: tx, actor: ctx.actor, clock: ctx.clock, requestId: ctx.requestId },
      {
        action: "credit_flag.add",
        entityType: "credit_flag",
        entityId: id,
        scopePath,
        summary: { idNumber: maskIdNumber(input.idNumber), source: input.source },
      },
    );
  });
  const row = await findCreditFlag(ctx.db, ctx.actor.tenantId, id);
  if (!row) {
    throw notFound("credit_flag");
  }
  return toDto(row);
}

/** Takes an applicant off the list (credit repaired); the record stays. @throws not_found, conflict */
export async function liftCreditFlag(ctx: Ctx, id: string, note: string) {
  const f = await findCreditFlag(ctx.db, ctx.actor.tenantId, id);
  if (!f || !canManageCredit(ctx.actor, f)) {
    throw notFound("credit_flag");
  }
  if (f.liftedAt) {
    throw conflict("该失信记录已移出", { code: "invalid_transition" });
  }
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await updateCreditFlag(tx, id, { liftedAt: now, liftNote: note });
    await recordAudit(
      { db: tx, actor: ctx.actor, clock: ctx.clock, requestId: ctx.requestId },
      {
        action: "credit_flag.lift",
        entityType: "credit_flag",
        entityId: id,
        scopePath: f.scopePath,
        summary: { note },
      },
    );
  });
  return toDto({ ...f, liftedAt: now, liftNote: note });
}
