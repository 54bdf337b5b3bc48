import type { SQL } from "drizzle-orm";
import type { Db } from "./client.ts";

/** Runs raw SQL and returns its rows on either driver (both expose `.rows`). */
export async function queryRows<T extends Record<string, unknown>>(db: Db, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  if (typeof result === "object" && result !== null && "rows" in result && Array.isArray(result.rows)) {
    return result.rows as T[];
  }
  return [];
}
