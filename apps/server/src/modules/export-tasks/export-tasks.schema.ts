import { index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { tenants } from "../tenants/tenants.schema.ts";

/**
 * Exports too big to build within a request (导出任务): written in the background to a file that
 * only the creator may download, deleted with the row when `expires_at` passes.
 */
export const exportTasks = pgTable(
  "export_tasks",
  {
    id: uuid("id").primaryKey(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    userId: uuid("user_id").notNull(),
    kind: text("kind").notNull(),
    params: jsonb("params").notNull().default({}),
    state: text("state").notNull(),
    rows: integer("rows").notNull().default(0),
    total: integer("total").notNull().default(0),
    fileName: text("file_name").notNull(),
    error: text("error"),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull(),
    finishedAt: timestamp("finished_at", { withTimezone: true, precision: 3 }),
    expiresAt: timestamp("expires_at", { withTimezone: true, precision: 3 }).notNull(),
    /** Written between chunks while a process writes the file: a stale one means that process is gone. */
    heartbeatAt: timestamp("heartbeat_at", { withTimezone: true, precision: 3 }).notNull(),
  },
  (t) => [
    index("export_tasks_user_idx").on(t.tenantId, t.userId, t.createdAt),
    index("export_tasks_expires_idx").on(t.expiresAt),
  ],
);
