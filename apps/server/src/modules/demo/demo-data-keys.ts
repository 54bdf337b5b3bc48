import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../../platform/db/client.ts";
import { apiKeys } from "../api-keys/api-keys.schema.ts";
import { demoUuid, type LoadedResource } from "./demo-data-catalog.ts";

/** A grant the demo's exchange used, with when its consumer's system last called. */
export type UsedGrant = {
  id: string;
  consumerUnitId: string;
  consumerName: string;
  resourceName: string;
  createdAt: Date;
  lastUsed: Date;
};

// The keys' secrets were shown once, to nobody: a random one is hashed and forgotten, so no demo
// key can be used; the prefix (public) is derived from the seed, so a second load writes the same.
// Prefixes are unique across tenants: the tenant is part of what they are derived from.
const prefixOf = (seed: string, tenantId: string, what: string) =>
  createHash("sha256").update(`${seed}:${tenantId}:${what}`).digest("hex").slice(0, 12);
const forgotten = () => createHash("sha256").update(randomBytes(32)).digest("hex");

/**
 * 授权与凭证 of the demo: the data-service credential each consumer's system calls with (one per grant
 * it used, last used at its last logged call), and the data:write key each provider's 前置机 pushes its
 * sync batches with (one per unit with a table resource, last used on the year's last night).
 */
export async function insertDemoKeys(
  db: Db,
  tenantId: string,
  seed: string,
  used: readonly UsedGrant[],
  resources: readonly LoadedResource[],
): Promise<number> {
  const credentials = used.map((g) => ({
    id: demoUuid(`${seed}:data_key:${g.id}`),
    tenantId,
    orgUnitId: g.consumerUnitId,
    name: `${g.resourceName} 数据服务凭证`,
    prefix: prefixOf(seed, tenantId, `read:${g.id}`),
    secretHash: forgotten(),
    scopes: ["data:read"],
    createdBy: `${g.consumerName}数据管理员`,
    createdAt: new Date(g.createdAt.getTime() + 2 * 3_600_000),
    lastUsedAt: g.lastUsed,
    grantId: g.id,
  }));
  const providers = new Map(resources.filter((r) => r.spec.format === "table").map((r) => [r.unit.id, r.unit]));
  const writers = [...providers.values()].map((u, i) => ({
    id: demoUuid(`${seed}:data_write_key:${u.id}`),
    tenantId,
    orgUnitId: u.id,
    name: `${u.name}前置机数据推送`,
    prefix: prefixOf(seed, tenantId, `write:${u.id}`),
    secretHash: forgotten(),
    scopes: ["data:write"],
    createdBy: `${u.name}数据管理员`,
    createdAt: new Date(`2022-01-${String(4 + (i % 20)).padStart(2, "0")}T10:00:00+08:00`),
    lastUsedAt: new Date(`2022-12-31T23:${String(10 + (i % 40)).padStart(2, "0")}:00+08:00`),
    grantId: null,
  }));
  const rows = [...credentials, ...writers];
  if (rows.length > 0) {
    await db.insert(apiKeys).values(rows);
  }
  return rows.length;
}
