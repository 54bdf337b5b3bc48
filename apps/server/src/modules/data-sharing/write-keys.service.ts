import type { WriteKeyInput } from "../../../../../packages/contracts/src/data-sharing-batches.ts";
import type { Ctx } from "../../platform/actor.ts";
import { AppError, notFound } from "../../platform/errors.ts";
import { issueApiKey } from "../api-keys/api-keys.service.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { findOrgUnitById } from "../org/org.repo.ts";
import { canManageDataAt } from "./data-sharing.policy.ts";
import { nameOf } from "./resources.service.ts";

/**
 * A data:write key bound to a provider unit, issued by that unit's data officer: it pushes batches
 * to the resources of the unit's subtree only (a key acts inside its unit's subtree), and is revoked
 * like any key. The secret is returned once. @throws not_found (a unit out of the officer's scope)
 */
export async function issueWriteKey(ctx: Ctx, input: WriteKeyInput) {
  if (ctx.actor.kind !== "user") {
    throw new AppError("forbidden", "只有用户可以签发数据写入密钥");
  }
  const unit = await findOrgUnitById(ctx.db, ctx.actor.tenantId, input.providerUnitId);
  if (!unit || !canManageDataAt(ctx.actor, unit.path)) {
    throw notFound("org_unit");
  }
  return ctx.db.transaction(async (tx) => {
    const issued = await issueApiKey(
      { db: tx, tenantId: ctx.actor.tenantId, orgUnitId: unit.id, createdBy: nameOf(ctx.actor) },
      { name: input.name, scopes: ["data:write"] },
    );
    await recordAudit(
      { db: tx, actor: ctx.actor, clock: ctx.clock, requestId: ctx.requestId },
      {
        action: "api_key.create",
        entityType: "api_key",
        entityId: issued.row.id,
        scopePath: unit.path,
        summary: { name: input.name, scopes: ["data:write"], prefix: issued.row.prefix, unit: unit.name },
      },
    );
    return { keyId: issued.row.id, prefix: issued.row.prefix, secret: issued.secret, providerUnitId: unit.id };
  });
}
