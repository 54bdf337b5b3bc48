import { boolean, index, integer, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { tenants } from "../tenants/tenants.schema.ts";

/**
 * 好差评: one rating per service (a hall service case or a closed work order). The rater is kept
 * (real-name) but shown only to supervisors. A rating is never deleted: an upheld appeal marks it
 * invalid or malicious, which excludes it from the rates.
 */
export const ratings = pgTable(
  "ratings",
  {
    id: uuid("id").primaryKey(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    subjectKind: text("subject_kind").notNull(),
    subjectId: uuid("subject_id").notNull(),
    subjectLabel: text("subject_label").notNull(),
    unitId: uuid("unit_id"),
    scopePath: text("scope_path").notNull(),
    windowName: text("window_name"),
    staffName: text("staff_name"),
    itemCode: text("item_code"),
    level: integer("level").notNull(),
    reasons: text("reasons").array().notNull().default([]),
    comment: text("comment").notNull().default(""),
    isDefault: boolean("is_default").notNull().default(false),
    raterName: text("rater_name"),
    raterPhone: text("rater_phone"),
    status: text("status").notNull().default("valid"),
    appeal: text("appeal").notNull().default("none"),
    appealReason: text("appeal_reason"),
    decisionReason: text("decision_reason"),
    ratedAt: timestamp("rated_at", { withTimezone: true, precision: 3 }).notNull(),
    rectificationWorkOrderId: uuid("rectification_work_order_id"),
  },
  (t) => [
    unique("ratings_subject_uq").on(t.tenantId, t.subjectKind, t.subjectId),
    index("ratings_scope_idx").on(t.tenantId, t.scopePath.op("text_pattern_ops")),
    index("ratings_rated_idx").on(t.tenantId, t.ratedAt),
  ],
);
