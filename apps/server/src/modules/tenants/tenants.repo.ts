import { eq } from "drizzle-orm";
import type { Db } from "../../platform/db/client.ts";
import { tenants } from "./tenants.schema.ts";

export type TenantRow = typeof tenants.$inferSelect;

export async function findTenantByCode(db: Db, code: string): Promise<TenantRow | undefined> {
  const [row] = await db.select().from(tenants).where(eq(tenants.code, code));
  return row;
}

export async function findTenantById(db: Db, id: string): Promise<TenantRow | undefined> {
  const [row] = await db.select().from(tenants).where(eq(tenants.id, id));
  return row;
}

export async function insertTenant(db: Db, row: typeof tenants.$inferInsert): Promise<void> {
  await db.insert(tenants).values(row);
}

export async function findAllTenants(db: Db): Promise<TenantRow[]> {
  return db.select().from(tenants).limit(1000);
}
