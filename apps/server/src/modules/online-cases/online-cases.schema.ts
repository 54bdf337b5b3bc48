import { index, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { orgUnits } from "../org/org.schema.ts";
import { tenants } from "../tenants/tenants.schema.ts";

const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/**
 * 网上办件: a case applied for and finished on the provincial portal, pushed by it (API key) so that
 * the applicant can rate it like a hall case. Keyed by the portal's case number; a retry with the
 * same content is answered with the stored case.
 */
export const onlineCases = pgTable(
  "online_cases",
  {
    id: uuid("id").primaryKey(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    caseNo: text("case_no").notNull(),
    payloadHash: text("payload_hash").notNull(),
    itemCode: text("item_code").notNull(),
    itemName: text("item_name").notNull(),
    unitId: uuid("unit_id")
      .notNull()
      .references(() => orgUnits.id),
    scopePath: text("scope_path").notNull(),
    handlerName: text("handler_name"),
    applicantName: text("applicant_name").notNull(),
    idNumber: text("id_number"),
    phone: text("phone").notNull(),
    submittedAt: ts("submitted_at").notNull(),
    finishedAt: ts("finished_at").notNull(),
    result: text("result").notNull(),
    receivedAt: ts("received_at").notNull(),
    source: text("source").notNull(),
  },
  (t) => [
    unique("online_cases_case_no_uq").on(t.tenantId, t.caseNo),
    index("online_cases_finished_idx").on(t.tenantId, t.finishedAt),
    index("online_cases_scope_idx").on(t.tenantId, t.scopePath.op("text_pattern_ops")),
  ],
);

export type OnlineCaseRow = typeof onlineCases.$inferSelect;
