import { createHash, randomUUID } from "node:crypto";
import type { CityTicketInput, WoChannel } from "../../../../../packages/contracts/src/work-orders.ts";
import type { Ctx } from "../../platform/actor.ts";
import { AppError, type FieldIssue } from "../../platform/errors.ts";
import { nextNumber } from "../../platform/numbering.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { canonicalJson } from "../audit/audit-hash.ts";
import { ticketKeywords } from "./intake-terms.ts";
import { computeDue } from "./sla.ts";
import { OPEN_STATUSES } from "./state-machine.ts";
import { similarity } from "./text-similarity.ts";
import { appendFirstEventAndContact } from "./work-order-events.ts";
import { creationScope } from "./work-orders.policy.ts";
import {
  findOpenNeighbours,
  findWorkOrderByExternalNo,
  insertWorkOrderIfNew,
  type WorkOrderRow,
} from "./work-orders.repo.ts";
import { findUnitByCode, getCalendar, getRootPath, policyFor } from "./work-orders-context.ts";

/** A new ticket from any source; `externalNo` (the city's number) makes intake idempotent. */
export type NewTicket = Omit<CityTicketInput, "cityTicketNo" | "channel"> & {
  externalNo?: string | undefined;
  channel: WoChannel;
  sourceRef?: string | undefined;
};

export const DUPLICATE_THRESHOLD = 0.5;

async function resolvePlace(ctx: Ctx, t: NewTicket) {
  const issues: FieldIssue[] = [];
  const town = t.townCode ? await findUnitByCode(ctx.db, ctx.actor.tenantId, t.townCode) : undefined;
  if (t.townCode && (!town || (town.kind !== "town" && town.kind !== "street"))) {
    issues.push({ path: "townCode", message: `镇街代码 ${t.townCode} 不属于本区` });
  }
  const community = t.communityCode ? await findUnitByCode(ctx.db, ctx.actor.tenantId, t.communityCode) : undefined;
  const inTown = community?.code && (!t.townCode || community.code.startsWith(t.townCode));
  if (t.communityCode && !inTown) {
    issues.push({ path: "communityCode", message: `村居代码 ${t.communityCode} 不属于本区或不属于所填镇街` });
  }
  if (issues.length > 0) {
    throw new AppError("validation", issues.map((i) => i.message).join("；"), issues);
  }
  return { townId: town?.id ?? community?.parentId ?? null, communityId: community?.id ?? null };
}

/** Fingerprint of a ticket's content: a retry carries the same, a conflicting resend does not. */
export function ticketHash(t: NewTicket): string {
  return createHash("sha256").update(canonicalJson(t)).digest("hex");
}

/** The city's message as a new ticket of ours. */
export function toNewTicket(input: CityTicketInput): NewTicket {
  const { cityTicketNo, ...rest } = input;
  return { ...rest, externalNo: cityTicketNo };
}

/**
 * Registers a ticket. With an external number it is idempotent: the same payload again returns
 * the existing ticket (`created: false`), a different payload under that number is a conflict.
 * @throws validation (unknown place), conflict `intake_conflict`
 */
export async function createWorkOrder(ctx: Ctx, t: NewTicket): Promise<{ workOrder: WorkOrderRow; created: boolean }> {
  const tenantId = ctx.actor.tenantId;
  const payloadHash = ticketHash(t);
  const receivedAt = new Date(t.receivedAt);
  const [place, cal, rootPath, policy] = await Promise.all([
    resolvePlace(ctx, t),
    getCalendar(ctx.db, ctx.actor.tenantId),
    getRootPath(ctx.db, tenantId),
    policyFor(ctx.db, tenantId, receivedAt, t.kind, t.category, t.urgency),
  ]);
  const scopePath = creationScope(ctx.actor, rootPath);
  const id = randomUUID();
  const keywords = await ticketKeywords(ctx.db, tenantId, `${t.title} ${t.content}`, ctx.clock.now());
  const duplicateOf = await findDuplicateOf(
    ctx,
    { id, ...place, address: t.address ?? null, receivedAt },
    `${t.title}${t.content}`,
  );
  // A retry under the same number conflicts on the unique key and writes nothing.
  const inserted = await ctx.db.transaction(async (tx) => {
    const row = await insertWorkOrderIfNew(tx, {
      id,
      tenantId,
      // A ticket registered here (no city number) gets the tenant's own RX… number.
      externalNo: t.externalNo ?? (await nextNumber(tx, tenantId, "work_order", receivedAt)),
      payloadHash,
      kind: t.kind,
      category: t.category,
      urgency: t.urgency,
      channel: t.channel,
      title: t.title,
      content: t.content,
      callerName: t.callerName ?? null,
      callerPhone: t.callerPhone ?? null,
      ...place,
      address: t.address ?? null,
      keywords,
      campaignTags: [...new Set(t.campaignTags)],
      status: "received",
      scopePath,
      receivedAt,
      acceptDueAt: computeDue(cal, receivedAt, policy.acceptValue, policy.acceptUnit),
      closeDueAt: computeDue(cal, receivedAt, policy.closeValue, policy.closeUnit),
      sourceRef: t.sourceRef ?? null,
      duplicateOf,
      eventCount: 1,
    });
    if (!row) {
      return undefined;
    }
    const hasContact = Boolean(t.callerName || t.callerPhone);
    await appendFirstEventAndContact(
      tx,
      ctx.actor,
      {
        tenantId,
        workOrderId: id,
        seq: 1,
        action: "receive",
        fromStatus: null,
        toStatus: "received",
        at: ctx.clock.now(),
        data: { channel: t.channel, externalNo: t.externalNo ?? null },
      },
      hasContact ? { id: randomUUID(), name: t.callerName ?? null, phone: t.callerPhone ?? null } : null,
    );
    await recordAudit(
      { ...ctx, db: tx },
      {
        action: "work_order.receive",
        entityType: "work_order",
        entityId: id,
        scopePath,
        summary: { externalNo: t.externalNo ?? null, kind: t.kind, category: t.category, channel: t.channel },
      },
    );
    return row;
  });
  if (inserted) {
    return { workOrder: inserted, created: true };
  }
  const existing = t.externalNo ? await findWorkOrderByExternalNo(ctx.db, tenantId, t.externalNo) : undefined;
  if (!existing) {
    throw new AppError("internal", "工单写入失败");
  }
  return sameOrConflict(existing, payloadHash);
}

function sameOrConflict(existing: WorkOrderRow, payloadHash: string) {
  if (existing.payloadHash !== payloadHash) {
    throw new AppError("conflict", `市平台工单号 ${existing.externalNo} 已登记，且内容与本次不同`, {
      code: "intake_conflict",
      workOrderId: existing.id,
    });
  }
  return { workOrder: existing, created: false };
}

/** The most similar open ticket at the same place (community or address), if similar enough. */
async function findDuplicateOf(
  ctx: Ctx,
  wo: Pick<WorkOrderRow, "id" | "communityId" | "address" | "receivedAt">,
  text: string,
): Promise<string | null> {
  const neighbours = await findOpenNeighbours(ctx.db, ctx.actor.tenantId, wo, OPEN_STATUSES);
  let best: { id: string; score: number } | null = null;
  for (const n of neighbours) {
    const score = similarity(text, `${n.title}${n.content}`);
    if (score >= DUPLICATE_THRESHOLD && (!best || score > best.score)) {
      best = { id: n.id, score };
    }
  }
  return best?.id ?? null;
}
