import type { Ctx } from "../../platform/actor.ts";
import { authorize, conflict, notFound } from "../../platform/errors.ts";
import { issueApiKey } from "../api-keys/api-keys.service.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { businessDay } from "../calendar/work-calendar.ts";
import { canManageDataAt, canViewDataAt } from "./data-sharing.policy.ts";
import { findGrant } from "./requests.repo.ts";
import { grantState } from "./requests.service.ts";
import { nameOf } from "./resources.service.ts";

/**
 * A data-service credential for the consumer unit: an API key of scope data:read bound to the grant
 * (the key module makes and hashes it; the grant is checked on every call, so revoking or expiring
 * the grant stops the key at once). The secret is returned once.
 */
export async function issueGrantCredential(ctx: Ctx, grantId: string) {
  const g = await findGrant(ctx.db, ctx.actor.tenantId, grantId);
  if (!g || !(canViewDataAt(ctx.actor, g.consumerPath) || canViewDataAt(ctx.actor, g.providerPath))) {
    throw notFound("data_grant");
  }
  authorize(canManageDataAt(ctx.actor, g.consumerPath), "只有获得授权的单位可以申领数据服务凭证");
  const state = grantState(g, businessDay(ctx.clock.now()));
  // A grant not yet begun may get its credential now; the data service refuses it until the first day.
  if (state === "revoked" || state === "expired") {
    throw conflict(state === "revoked" ? "该授权已撤销，不能申领凭证" : "该授权已过有效期，不能申领凭证", {
      code: "grant_not_active",
    });
  }
  return ctx.db.transaction(async (tx) => {
    const issued = await issueApiKey(
      { db: tx, tenantId: ctx.actor.tenantId, orgUnitId: g.consumerUnitId, createdBy: nameOf(ctx.actor), grantId },
      { name: `数据服务凭证 ${grantId.slice(0, 8)}`, scopes: ["data:read"] },
    );
    await recordAudit(
      { db: tx, actor: ctx.actor, clock: ctx.clock, requestId: ctx.requestId },
      {
        action: "data_grant.credential",
        entityType: "data_grant",
        entityId: grantId,
        scopePath: g.consumerPath,
        summary: { keyId: issued.row.id, prefix: issued.row.prefix },
      },
    );
    return { keyId: issued.row.id, prefix: issued.row.prefix, secret: issued.secret, grantId };
  });
}
