import { type Action, action, can } from "../../platform/access-can.ts";
import type { Ctx } from "../../platform/actor.ts";
import { authorize } from "../../platform/errors.ts";
import { findRootUnit } from "./org.repo.ts";

/** Tenant-wide settings: a grant with the role on the tenant's ROOT, never a subtree's. */
export const EDIT_BOOKING_RULES = action("appointments.settings.update", ["admin"]);
export const EDIT_SLA_POLICIES = action("sla_policy.update", ["dispatcher"]);
export const CREATE_CAMPAIGN = action("campaign.create", ["dispatcher"]);
export const EDIT_TENANT_CALENDAR = action("calendar.tenant.update", ["admin"]);

/** @throws forbidden unless the actor holds the action's role on the tenant root. */
export async function authorizeOnTenantRoot(ctx: Ctx, act: Action): Promise<string> {
  const root = await findRootUnit(ctx.db, ctx.actor.tenantId);
  authorize(
    root !== undefined && can(ctx.actor, act, { tenantId: ctx.actor.tenantId, orgPath: root.path }),
    "此为全区设置，需要区级（机构树根节点）授权",
  );
  return root?.path ?? "/";
}
