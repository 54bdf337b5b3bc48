import type { ApiKey, ApiKeyScope } from "../../../../../packages/contracts/src/api-keys.ts";
import type { ApiKeyRow } from "./api-keys.repo.ts";

export function toApiKeyDto(row: ApiKeyRow, scopes: ApiKeyScope[]): ApiKey {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}
