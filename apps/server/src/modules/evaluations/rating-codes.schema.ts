import { pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { tenants } from "../tenants/tenants.schema.ts";

/**
 * The rating code of one service, given to the citizen served (回访 message, track page, booking
 * lookup) and asked for with the phone tail when rating. Never part of a staff list or DTO.
 */
export const ratingCodes = pgTable(
  "rating_codes",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    subjectKind: text("subject_kind").notNull(),
    subjectId: uuid("subject_id").notNull(),
    code: text("code").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ name: "rating_codes_pkey", columns: [t.tenantId, t.subjectKind, t.subjectId] })],
);
