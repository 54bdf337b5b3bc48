import { randomUUID } from "node:crypto";
import type { z } from "zod";
import type {
  CreateCampaignInputSchema,
  UpdateSlaPolicyInputSchema,
} from "../../../../../packages/contracts/src/work-order-settings.ts";
import { WoCategorySchema, WoKindSchema, WoUrgencySchema } from "../../../../../packages/contracts/src/work-orders.ts";
import type { Ctx } from "../../platform/actor.ts";
import { conflict, notFound } from "../../platform/errors.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { authorizeOnTenantRoot, CREATE_CAMPAIGN, EDIT_SLA_POLICIES } from "../org/tenant-settings.policy.ts";
import { findCampaigns, findPolicies, findPolicyById, insertCampaign, updatePolicy } from "./work-orders.repo.ts";
import { getPolicies, invalidatePolicies } from "./work-orders-context.ts";

const nullable =
  <T extends z.ZodType>(s: T) =>
  (v: string | null) =>
    v === null ? null : s.parse(v);

/** A year's SLA policies (created from the defaults on first use). */
export async function findSlaPolicies(ctx: Ctx, year: number) {
  await getPolicies(ctx.db, ctx.actor.tenantId, year); // creates the year from the defaults
  const rows = (await findPolicies(ctx.db, ctx.actor.tenantId, year)).map((r) => ({
    ...r,
    kind: nullable(WoKindSchema)(r.kind),
    category: nullable(WoCategorySchema)(r.category),
    urgency: nullable(WoUrgencySchema)(r.urgency),
    acceptUnit: r.acceptUnit === "h" ? ("h" as const) : ("wd" as const),
    closeUnit: r.closeUnit === "h" ? ("h" as const) : ("wd" as const),
  }));
  return { items: rows };
}

/** Changes one policy row; tickets received afterwards use it. @throws not_found */
export async function editSlaPolicy(ctx: Ctx, id: string, input: z.infer<typeof UpdateSlaPolicyInputSchema>) {
  const before = await findPolicyById(ctx.db, ctx.actor.tenantId, id);
  if (!before) {
    throw notFound("sla_policy");
  }
  const scopePath = await authorizeOnTenantRoot(ctx, EDIT_SLA_POLICIES);
  await ctx.db.transaction(async (tx) => {
    await updatePolicy(tx, id, input);
    await recordAudit(
      { ...ctx, db: tx },
      {
        action: "sla_policy.update",
        entityType: "sla_policy",
        entityId: id,
        scopePath,
        summary: {
          year: before.year,
          kind: before.kind,
          category: before.category,
          urgency: before.urgency,
          to: input,
        },
      },
    );
  });
  invalidatePolicies(ctx.actor.tenantId, before.year);
  return findSlaPolicies(ctx, before.year);
}

export async function listCampaigns(ctx: Ctx) {
  return { items: await findCampaigns(ctx.db, ctx.actor.tenantId) };
}

/** @throws conflict (tag taken) */
export async function createCampaign(ctx: Ctx, input: z.infer<typeof CreateCampaignInputSchema>) {
  const scopePath = await authorizeOnTenantRoot(ctx, CREATE_CAMPAIGN);
  const existing = await findCampaigns(ctx.db, ctx.actor.tenantId);
  if (existing.some((c) => c.tag === input.tag)) {
    throw conflict(`专项标签「${input.tag}」已存在`, [{ path: "tag", message: "标签已存在" }]);
  }
  const id = randomUUID();
  await ctx.db.transaction(async (tx) => {
    await insertCampaign(tx, { id, tenantId: ctx.actor.tenantId, ...input });
    await recordAudit(
      { ...ctx, db: tx },
      {
        action: "campaign.create",
        entityType: "campaign",
        entityId: id,
        scopePath,
        summary: input,
      },
    );
  });
  return { id, ...input };
}
