import { findTenantByCode, type TenantRow } from "../modules/tenants/tenants.repo.ts";
import type { Config } from "../platform/config.ts";
import type { Database } from "../platform/db/client.ts";
import { openConfiguredDatabase } from "../platform/db/open.ts";

/** Opens the database for one CLI verb and always closes it (an open PGlite keeps Node alive). */
export async function withDatabase<T>(
  config: Config,
  verb: string,
  fn: (database: Database) => Promise<T>,
): Promise<T> {
  const database = await openConfiguredDatabase(config, `zhengwu ${verb}`);
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

export async function requireTenant(database: Database, code: string): Promise<TenantRow> {
  const tenant = await findTenantByCode(database.db, code);
  if (!tenant) {
    throw new Error(`租户 ${code} 不存在（可用 zhengwu tenant create --code ${code} 创建）`);
  }
  return tenant;
}
