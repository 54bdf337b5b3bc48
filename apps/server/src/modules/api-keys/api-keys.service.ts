import { createHash, randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import type { ApiKeyScope, CreateApiKeyInput } from "../../../../../packages/contracts/src/api-keys.ts";
import { ApiKeyScopeSchema } from "../../../../../packages/contracts/src/api-keys.ts";
import { scopeFor } from "../../platform/access-can.ts";
import type { ApiKeyActor, Ctx } from "../../platform/actor.ts";
import type { Db } from "../../platform/db/client.ts";
import { AppError, authorize, notFound } from "../../platform/errors.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { canManageApiKey, keyHomeGrant, MANAGE_API_KEYS } from "./api-keys.policy.ts";
import {
  type ApiKeyRow,
  findApiKeyById,
  findApiKeyByPrefix,
  findApiKeysInScope,
  insertApiKey,
  markRevoked,
  touchApiKey,
} from "./api-keys.repo.ts";
import type { apiKeys } from "./api-keys.schema.ts";

const sha256 = (s: string) => createHash("sha256").update(s).digest();

/** Key format zwk_<prefix>_<secret>: the prefix finds the row, the secret is compared by hash. */
function parseKey(key: string): { prefix: string; secret: string } | null {
  const m = /^zwk_([A-Za-z0-9]{12})_([A-Za-z0-9_-]{32,64})$/.exec(key);
  return m?.[1] && m[2] ? { prefix: m[1], secret: m[2] } : null;
}

export function scopesOf(row: ApiKeyRow): ApiKeyScope[] {
  return row.scopes.flatMap((s) => {
    const parsed = ApiKeyScopeSchema.safeParse(s);
    return parsed.success ? [parsed.data] : [];
  });
}

type Creator = { db: Db; tenantId: string; orgUnitId: string; createdBy: string; grantId?: string };

/** Creates a key on an org unit; the secret is returned once and only its hash is stored. */
export async function issueApiKey(
  creator: Creator,
  input: CreateApiKeyInput,
): Promise<{ row: typeof apiKeys.$inferInsert & { scopes: string[] }; secret: string }> {
  const prefix = randomBytes(9).toString("base64url").replace(/[-_]/g, "x").slice(0, 12);
  const secretPart = randomBytes(32).toString("base64url");
  const row = {
    id: randomUUID(),
    tenantId: creator.tenantId,
    orgUnitId: creator.orgUnitId,
    name: input.name,
    prefix,
    secretHash: sha256(secretPart).toString("hex"),
    scopes: [...new Set(input.scopes)],
    createdBy: creator.createdBy,
    grantId: creator.grantId ?? null,
  };
  await insertApiKey(creator.db, row);
  return { row, secret: `zwk_${prefix}_${secretPart}` };
}

/** Creates a key on the actor's administered unit. @throws forbidden */
export async function createApiKey(ctx: Ctx, input: CreateApiKeyInput) {
  if (ctx.actor.kind !== "user") {
    throw new AppError("forbidden", "只有用户可以创建接口密钥");
  }
  const grant = keyHomeGrant(ctx.actor);
  authorize(grant !== undefined);
  const unitId = grant?.orgUnitId ?? "";
  const username = ctx.actor.username;
  const result = await ctx.db.transaction(async (tx) => {
    const issued = await issueApiKey(
      { db: tx, tenantId: ctx.actor.tenantId, orgUnitId: unitId, createdBy: username },
      input,
    );
    await recordAudit(
      { ...ctx, db: tx },
      {
        action: "api_key.create",
        entityType: "api_key",
        entityId: issued.row.id,
        scopePath: grant?.path ?? null,
        summary: { name: input.name, scopes: issued.row.scopes, prefix: issued.row.prefix },
      },
    );
    return issued;
  });
  const row = await findApiKeyById(ctx.db, ctx.actor.tenantId, result.row.id);
  if (!row) {
    throw notFound("api_key");
  }
  return { row, secret: result.secret, scopes: scopesOf(row) };
}

export async function findApiKeys(ctx: Ctx): Promise<Array<ApiKeyRow & { scopeList: ApiKeyScope[] }>> {
  const rows = await findApiKeysInScope(ctx.db, ctx.actor.tenantId, scopeFor(ctx.actor, MANAGE_API_KEYS));
  return rows.map((r) => ({ ...r, scopeList: scopesOf(r) }));
}

/** @throws not_found (outside the subtrees the actor administers) */
export async function revokeApiKey(ctx: Ctx, id: string): Promise<ApiKeyRow & { scopeList: ApiKeyScope[] }> {
  const row = await findApiKeyById(ctx.db, ctx.actor.tenantId, id);
  if (!row || !canManageApiKey(ctx.actor, row)) {
    throw notFound("api_key");
  }
  return revokeKeyRow(ctx, row);
}

/**
 * Revokes a key the caller has already authorized the actor for (the admin's key page, or a data
 * officer's 授权与凭证), audited; the key stops working in this process at once.
 */
export async function revokeKeyRow(ctx: Ctx, row: ApiKeyRow): Promise<ApiKeyRow & { scopeList: ApiKeyScope[] }> {
  const id = row.id;
  await ctx.db.transaction(async (tx) => {
    await markRevoked(tx, id, ctx.clock.now());
    await recordAudit(
      { ...ctx, db: tx },
      {
        action: "api_key.revoke",
        entityType: "api_key",
        entityId: id,
        scopePath: row.orgPath,
        summary: { name: row.name, prefix: row.prefix },
      },
    );
  });
  keyCache.clear(); // after the commit, so no request can re-cache the key before it is revoked
  const after = await findApiKeyById(ctx.db, ctx.actor.tenantId, id);
  if (!after) {
    throw notFound("api_key");
  }
  return { ...after, scopeList: scopesOf(after) };
}

// Machine clients send a key with every message: resolved keys are kept for a few seconds. A
// revocation clears this process's cache at once; other processes notice within the TTL.
const KEY_CACHE_TTL_MS = 5_000;
const keyCache = new Map<string, { at: number; actor: ApiKeyActor }>();

/** The machine client behind a key; null when unknown, revoked or the secret does not match. */
export async function resolveApiKey(db: Db, key: string, now: Date): Promise<ApiKeyActor | null> {
  const cached = keyCache.get(key);
  if (cached && Date.now() - cached.at < KEY_CACHE_TTL_MS) {
    return cached.actor;
  }
  const actor = await lookUpApiKey(db, key, now);
  if (actor) {
    if (keyCache.size > 1000) {
      keyCache.clear();
    }
    keyCache.set(key, { at: Date.now(), actor });
  }
  return actor;
}

async function lookUpApiKey(db: Db, key: string, now: Date): Promise<ApiKeyActor | null> {
  const parsed = parseKey(key);
  if (!parsed) {
    return null;
  }
  const row = await findApiKeyByPrefix(db, parsed.prefix);
  if (!row || row.revokedAt) {
    return null;
  }
  const expected = Buffer.from(row.secretHash, "hex");
  const actual = sha256(parsed.secret);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) {
    return null;
  }
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) {
    await touchApiKey(db, row.id, now);
  }
  return {
    kind: "api_key",
    tenantId: row.tenantId,
    keyId: row.id,
    name: row.name,
    scopes: scopesOf(row),
    orgPath: row.orgPath,
    grantId: row.grantId,
  };
}
