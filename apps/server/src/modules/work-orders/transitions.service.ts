import { randomUUID } from "node:crypto";
import type { TransitionInput, WoStatus } from "../../../../../packages/contracts/src/work-orders.ts";
import {
  WoCategorySchema,
  WoKindSchema,
  WoStatusSchema,
  WoUrgencySchema,
} from "../../../../../packages/contracts/src/work-orders.ts";
import type { Ctx } from "../../platform/actor.ts";
import { AppError, authorize, notFound } from "../../platform/errors.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { findOrgUnitById } from "../org/org.repo.ts";
import { computeDue, extendDue } from "./sla.ts";
import { OPEN_STATUSES, planTransition, TRANSITIONS } from "./state-machine.ts";
import { appendEvent } from "./work-order-events.ts";
import { canPerform, canSupervise, canViewWorkOrder } from "./work-orders.policy.ts";
import {
  findContacts,
  findEvents,
  findWorkOrderById,
  insertContact,
  type NewWorkOrderRow,
  updateWorkOrder,
  type WorkOrderRow,
} from "./work-orders.repo.ts";
import { getCalendar, getRootPath, policyFor } from "./work-orders-context.ts";

const DISPATCHABLE_KINDS = new Set([
  "department",
  "department_unit",
  "bureau_unit",
  "street",
  "town",
  "community",
  "village",
]);

/** Loads a ticket the actor may see. @throws not_found */
export async function loadVisibleWorkOrder(ctx: Ctx, id: string): Promise<WorkOrderRow> {
  const wo = await findWorkOrderById(ctx.db, ctx.actor.tenantId, id);
  if (!wo || !canViewWorkOrder(ctx.actor, wo)) {
    throw notFound("work_order");
  }
  return wo;
}

function policyKeys(wo: WorkOrderRow) {
  return [WoKindSchema.parse(wo.kind), WoCategorySchema.parse(wo.category), WoUrgencySchema.parse(wo.urgency)] as const;
}

/**
 * The one way a ticket changes state: checks the transition and the actor, writes the event,
 * the projection on the ticket and the audit entry in one transaction.
 * @throws not_found, forbidden, conflict `invalid_transition`/`extension_limit`, validation
 */
export async function transitionWorkOrder(ctx: Ctx, id: string, input: TransitionInput): Promise<WorkOrderRow> {
  const seen = await loadVisibleWorkOrder(ctx, id);
  const rule = TRANSITIONS[input.action];
  authorize(
    canPerform(ctx.actor, seen, rule.by),
    rule.by === "centre" ? "只有热线分中心派单员可以执行此操作" : "只有承办单位的承办人可以执行此操作",
  );
  const now = ctx.clock.now();
  const [kind, category, urgency] = policyKeys(seen);
  const [cal, policy, rootPath] = await Promise.all([
    getCalendar(ctx.db, ctx.actor.tenantId),
    policyFor(ctx.db, ctx.actor.tenantId, seen.receivedAt, kind, category, urgency),
    getRootPath(ctx.db, ctx.actor.tenantId),
  ]);
  const unit =
    input.action === "dispatch" && input.unitId
      ? await findOrgUnitById(ctx.db, ctx.actor.tenantId, input.unitId)
      : undefined;
  if (input.action === "dispatch" && input.unitId && (!unit || !DISPATCHABLE_KINDS.has(unit.kind))) {
    throw new AppError("validation", "承办单位不存在或不能承办工单", [
      { path: "unitId", message: "请选择本区的部门或镇街、村居" },
    ]);
  }
  return ctx.db.transaction(async (tx) => {
    const wo = await findWorkOrderById(tx, ctx.actor.tenantId, id, true);
    if (!wo) {
      throw notFound("work_order");
    }
    const status = WoStatusSchema.parse(wo.status);
    let statusBeforeReturn: WoStatus | null = null;
    if (input.action === "reject_return") {
      const request = (await findEvents(tx, ctx.actor.tenantId, id)).findLast((e) => e.action === "request_return");
      statusBeforeReturn = request?.fromStatus ? WoStatusSchema.parse(request.fromStatus) : null;
    }
    const plan = planTransition(
      { status, extensionCount: wo.extensionCount, closeDueAt: wo.closeDueAt, statusBeforeReturn },
      input,
      now,
      policy.maxExtensions,
    );
    const patch: Partial<NewWorkOrderRow> = { status: plan.to, eventCount: wo.eventCount + 1 };
    const data: Record<string, unknown> = {};
    switch (input.action) {
      case "dispatch":
        patch.unitId = unit?.id ?? null;
        patch.scopePath = unit?.path ?? rootPath;
        data.unit = unit?.name;
        break;
      case "accept":
        patch.acceptedAt = now;
        break;
      case "reply":
        patch.repliedAt = now;
        break;
      case "follow_up":
        patch.satisfaction = input.satisfaction ?? null;
        patch.resolved = input.resolved ?? null;
        patch.praise = input.praise ?? false;
        Object.assign(data, {
          reached: input.reached !== false,
          satisfaction: input.satisfaction,
          resolved: input.resolved,
          unitAtFault: input.unitAtFault ?? false,
          praise: input.praise ?? false,
        });
        if (plan.redo) {
          patch.redoCount = wo.redoCount + 1;
          patch.closeDueAt = computeDue(cal, now, policy.closeValue, policy.closeUnit);
          data.previousDue = wo.closeDueAt.toISOString();
        } else {
          patch.closedAt = now;
        }
        break;
      case "approve_return":
        patch.unitId = null;
        patch.scopePath = rootPath;
        patch.returnCount = wo.returnCount + 1;
        break;
      case "reject_return":
        patch.improperReturnCount = wo.improperReturnCount + 1;
        break;
      case "approve_extension": {
        // At most one more original limit (domain-rules §1).
        const days = Math.min(input.extensionDays ?? 0, policy.closeUnit === "wd" ? policy.closeValue : 60);
        patch.extensionCount = wo.extensionCount + 1;
        patch.closeDueAt = extendDue(cal, wo.closeDueAt, days);
        Object.assign(data, { days, previousDue: wo.closeDueAt.toISOString() });
        break;
      }
      default:
        break;
    }
    await updateWorkOrder(tx, id, patch);
    await appendEvent(tx, ctx.actor, {
      tenantId: ctx.actor.tenantId,
      workOrderId: id,
      seq: wo.eventCount + 1,
      action: plan.redo ? "redo" : input.action,
      fromStatus: status,
      toStatus: plan.to,
      unitId: patch.unitId ?? wo.unitId,
      at: now,
      reason: input.reason ?? null,
      attachments: input.attachments,
      data,
    });
    await recordAudit(
      { ...ctx, db: tx },
      {
        action: `work_order.${input.action}`,
        entityType: "work_order",
        entityId: id,
        scopePath: patch.scopePath ?? wo.scopePath,
        summary: { from: status, to: plan.to, ...data },
      },
    );
    const after = await findWorkOrderById(tx, ctx.actor.tenantId, id);
    if (!after) {
      throw notFound("work_order");
    }
    return after;
  });
}

/** Raises supervision one level (催办 → 督办 → 通报) by hand. @throws not_found, forbidden, conflict */
export async function superviseWorkOrder(ctx: Ctx, id: string, reason: string | undefined): Promise<WorkOrderRow> {
  const seen = await loadVisibleWorkOrder(ctx, id);
  authorize(canSupervise(ctx.actor, seen), "只有派单员或监督员可以督办");
  if (!OPEN_STATUSES.includes(WoStatusSchema.parse(seen.status)) || seen.supervisionLevel >= 3) {
    throw new AppError("conflict", "该工单不能再升级督办", { code: "invalid_transition" });
  }
  await raiseSupervision(ctx, seen, seen.supervisionLevel + 1, reason ?? null);
  return loadVisibleWorkOrder(ctx, id);
}

/** Sets the supervision level if it is still below `level`; safe to call twice. */
export async function raiseSupervision(
  ctx: Ctx,
  wo: WorkOrderRow,
  level: number,
  reason: string | null,
): Promise<boolean> {
  return ctx.db.transaction(async (tx) => {
    const fresh = await findWorkOrderById(tx, ctx.actor.tenantId, wo.id, true);
    if (!fresh || fresh.supervisionLevel >= level) {
      return false;
    }
    await updateWorkOrder(tx, wo.id, { supervisionLevel: level, eventCount: fresh.eventCount + 1 });
    await appendEvent(tx, ctx.actor, {
      tenantId: ctx.actor.tenantId,
      workOrderId: wo.id,
      seq: fresh.eventCount + 1,
      action: "supervise",
      fromStatus: fresh.status,
      toStatus: fresh.status,
      unitId: fresh.unitId,
      at: ctx.clock.now(),
      reason,
      data: { from: fresh.supervisionLevel, to: level },
    });
    await recordAudit(
      { ...ctx, db: tx },
      {
        action: "work_order.supervise",
        entityType: "work_order",
        entityId: wo.id,
        scopePath: fresh.scopePath,
        summary: { from: fresh.supervisionLevel, to: level },
      },
    );
    return true;
  });
}

/** Folds a duplicate into its master: the callers move over, the duplicate follows the master. */
export async function mergeWorkOrder(ctx: Ctx, id: string, masterId: string): Promise<WorkOrderRow> {
  const dup = await loadVisibleWorkOrder(ctx, id);
  const master = await loadVisibleWorkOrder(ctx, masterId);
  authorize(canPerform(ctx.actor, dup, "centre") && canPerform(ctx.actor, master, "centre"), "只有派单员可以合并工单");
  const open = (wo: WorkOrderRow) => OPEN_STATUSES.includes(WoStatusSchema.parse(wo.status));
  if (id === masterId || !open(dup) || !open(master) || master.masterId) {
    throw new AppError("conflict", "只能把办理中的工单合并到另一张未合并的办理中工单", { code: "invalid_merge" });
  }
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const contacts = await findContacts(tx, ctx.actor.tenantId, id);
    for (const c of contacts) {
      await insertContact(tx, {
        id: randomUUID(),
        tenantId: ctx.actor.tenantId,
        workOrderId: masterId,
        name: c.name,
        phone: c.phone,
        fromWorkOrderId: id,
      });
    }
    await updateWorkOrder(tx, id, { status: "merged", masterId, eventCount: dup.eventCount + 1 });
    await appendEvent(tx, ctx.actor, {
      tenantId: ctx.actor.tenantId,
      workOrderId: id,
      seq: dup.eventCount + 1,
      action: "merge",
      fromStatus: dup.status,
      toStatus: "merged",
      at: now,
      data: { masterId },
    });
    await updateWorkOrder(tx, masterId, { eventCount: master.eventCount + 1 });
    await appendEvent(tx, ctx.actor, {
      tenantId: ctx.actor.tenantId,
      workOrderId: masterId,
      seq: master.eventCount + 1,
      action: "absorb",
      fromStatus: master.status,
      toStatus: master.status,
      at: now,
      data: { duplicateId: id, contacts: contacts.length },
    });
    await recordAudit(
      { ...ctx, db: tx },
      {
        action: "work_order.merge",
        entityType: "work_order",
        entityId: id,
        scopePath: dup.scopePath,
        summary: { masterId, contacts: contacts.length },
      },
    );
  });
  return loadVisibleWorkOrder(ctx, id);
}
