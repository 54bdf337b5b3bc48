import type { DataKey } from "../../../../../packages/contracts/src/data-sharing-credentials.ts";
import { scopeFor } from "../../platform/access-can.ts";
import type { Ctx } from "../../platform/actor.ts";
import { notFound } from "../../platform/errors.ts";
import type { ApiKeyRow } from "../api-keys/api-keys.repo.ts";
import { findApiKeyById, findApiKeysInScope } from "../api-keys/api-keys.repo.ts";
import { revokeKeyRow, scopesOf } from "../api-keys/api-keys.service.ts";
import { businessDay } from "../calendar/work-calendar.ts";
import { findUnitNames } from "../org/org.repo.ts";
import { canManageDataAt, MANAGE_DATA } from "./data-sharing.policy.ts";
import { grantsWithResources } from "./requests.repo.ts";
import { grantState } from "./requests.service.ts";

const kindOf = (row: ApiKeyRow): DataKey["kind"] | null => {
  const scopes = scopesOf(row);
  return scopes.includes("data:write") ? "write" : scopes.includes("data:read") ? "read" : null;
};

/**
 * 授权与凭证: the data keys of the units whose data the officer manages — credentials bound to grants
 * (with the grant's resource and state) and write keys — newest first. Other keys (intake, Open311)
 * are the administrator's, on the key page.
 */
export async function listDataKeys(ctx: Ctx): Promise<DataKey[]> {
  const rows = await findApiKeysInScope(ctx.db, ctx.actor.tenantId, scopeFor(ctx.actor, MANAGE_DATA));
  return toDataKeys(
    ctx,
    rows.filter((r) => kindOf(r) !== null),
  );
}

/** The rows as the page shows them: each credential with its grant's resource and state, and its unit. */
async function toDataKeys(ctx: Ctx, rows: readonly ApiKeyRow[]): Promise<DataKey[]> {
  const grantIds = rows.flatMap((r) => (r.grantId ? [r.grantId] : []));
  const [grants, units] = await Promise.all([
    grantsWithResources(ctx.db, ctx.actor.tenantId, grantIds),
    findUnitNames(
      ctx.db,
      ctx.actor.tenantId,
      rows.map((r) => r.orgUnitId),
    ),
  ]);
  const today = businessDay(ctx.clock.now());
  return rows.map((r) => {
    const g = r.grantId ? grants.get(r.grantId) : undefined;
    return {
      id: r.id,
      name: r.name,
      prefix: r.prefix,
      kind: kindOf(r) ?? "read",
      unitId: r.orgUnitId,
      unitName: units.get(r.orgUnitId) ?? "",
      grant: g
        ? {
            id: g.grant.id,
            resourceCode: g.resourceCode,
            resourceName: g.resourceName,
            status: grantState(g.grant, today),
            validTo: g.grant.validTo,
          }
        : null,
      createdBy: r.createdBy,
      createdAt: r.createdAt.toISOString(),
      lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
      revokedAt: r.revokedAt?.toISOString() ?? null,
    };
  });
}

/** Revokes a data key of a unit the officer manages (404 for any other key), audited. */
export async function revokeDataKey(ctx: Ctx, id: string): Promise<DataKey> {
  const row = await findApiKeyById(ctx.db, ctx.actor.tenantId, id);
  if (!row || kindOf(row) === null || !canManageDataAt(ctx.actor, row.orgPath)) {
    throw notFound("api_key");
  }
  const [revoked] = await toDataKeys(ctx, [await revokeKeyRow(ctx, row)]);
  if (!revoked) {
    throw notFound("api_key");
  }
  return revoked;
}
