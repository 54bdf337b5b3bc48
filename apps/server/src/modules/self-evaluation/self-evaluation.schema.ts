import { doublePrecision, integer, jsonb, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { budgetYears } from "../budget/budget.schema.ts";
import { tenants } from "../tenants/tenants.schema.ts";

/**
 * One version of a year's overall-expenditure self-evaluation. Drafts are edited in place;
 * approval freezes `snapshot` with its `content_hash`; a later change starts version + 1.
 */
export const selfEvaluations = pgTable(
  "self_evaluations",
  {
    id: uuid("id").primaryKey(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    yearId: uuid("year_id")
      .notNull()
      .references(() => budgetYears.id),
    version: integer("version").notNull(),
    status: text("status").notNull(),
    snapshot: jsonb("snapshot"),
    contentHash: text("content_hash"),
    submittedBy: text("submitted_by"),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    approvedBy: text("approved_by"),
    approvedAt: timestamp("approved_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("self_evaluations_version_uq").on(t.yearId, t.version)],
);

/**
 * The indicator tree of one evaluation version, as data: each node has its maximum, the rule
 * that scores it (an automatic rule key or "manual") and, for leaves, the score given.
 */
export const evaluationItems = pgTable(
  "evaluation_items",
  {
    id: uuid("id").primaryKey(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    evaluationId: uuid("evaluation_id")
      .notNull()
      .references(() => selfEvaluations.id),
    code: text("code").notNull(),
    parentCode: text("parent_code"),
    name: text("name").notNull(),
    maxPoints: doublePrecision("max_points").notNull(),
    minPoints: doublePrecision("min_points").notNull().default(0),
    rule: text("rule").notNull(),
    ruleParams: jsonb("rule_params").$type<Record<string, number>>().notNull().default({}),
    evidence: text("evidence").notNull().default(""),
    score: doublePrecision("score"),
    justification: text("justification"),
    sortNo: integer("sort_no").notNull(),
  },
  (t) => [unique("evaluation_items_code_uq").on(t.evaluationId, t.code)],
);
