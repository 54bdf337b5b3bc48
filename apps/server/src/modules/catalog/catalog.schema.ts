import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { tenants } from "../tenants/tenants.schema.ts";

const tenantId = () =>
  uuid("tenant_id")
    .notNull()
    .references(() => tenants.id);
const at = (name: string) => timestamp(name, { withTimezone: true });

/** A service item's identity: its code, stable across versions. */
export const catalogItems = pgTable(
  "catalog_items",
  {
    id: uuid("id").primaryKey(),
    tenantId: tenantId(),
    code: text("code").notNull(),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [unique("catalog_items_code_uq").on(t.tenantId, t.code)],
);

/**
 * Every edit writes a new version and closes the previous one (`valid_to`), so the item as it
 * was at any instant is the version whose [valid_from, valid_to) holds it. Reports for a past
 * year read the catalog as of that year's end.
 */
export const catalogItemVersions = pgTable(
  "catalog_item_versions",
  {
    id: uuid("id").primaryKey(),
    tenantId: tenantId(),
    itemId: uuid("item_id")
      .notNull()
      .references(() => catalogItems.id),
    version: integer("version").notNull(),
    validFrom: at("valid_from").notNull(),
    validTo: at("valid_to"),
    action: text("action").notNull(),
    changedBy: text("changed_by").notNull(),
    changes: jsonb("changes").notNull().default([]),
    withdrawn: boolean("withdrawn").notNull().default(false),
    code: text("code").notNull(),
    name: text("name").notNull(),
    level: text("level").notNull(),
    parentCode: text("parent_code"),
    itemType: text("item_type").notNull(),
    departmentId: uuid("department_id").notNull(),
    /** The competent department's org path: who may see and edit the item. */
    scopePath: text("scope_path").notNull(),
    implementingBody: text("implementing_body").notNull(),
    legalBasis: text("legal_basis").notNull(),
    exerciseLevel: text("exercise_level").notNull(),
    statutoryLimitDays: integer("statutory_limit_days").notNull(),
    promisedLimitDays: integer("promised_limit_days").notNull(),
    place: text("place").notNull(),
    fees: text("fees").notNull(),
    result: text("result").notNull(),
    visitsRequired: integer("visits_required").notNull(),
    onlineDepth: text("online_depth").notNull(),
    onApplication: boolean("on_application").notNull(),
    materialsReduced: boolean("materials_reduced").notNull(),
    bookableTown: boolean("bookable_town").notNull(),
    bookableVillage: boolean("bookable_village").notNull(),
    /** On the published 容缺受理 list ("deferrable" is a reserved word in SQL). */
    isDeferrable: boolean("is_deferrable").notNull(),
    policyBenefit: boolean("policy_benefit").notNull(),
    crossRegionScopes: text("cross_region_scopes").array().notNull().default(sql`'{}'::text[]`),
    keywords: text("keywords").notNull(),
    /** Name, code, keywords and material names: what the public search matches (trigram index). */
    searchText: text("search_text").notNull(),
  },
  (t) => [
    unique("catalog_item_versions_uq").on(t.itemId, t.version),
    index("catalog_item_versions_asof_idx").on(t.tenantId, t.validFrom, t.validTo),
    index("catalog_item_versions_current_idx").on(t.tenantId, t.code).where(sql`${t.validTo} is null`),
    index("catalog_item_versions_search_idx").using("gin", sql`${t.searchText} gin_trgm_ops`),
  ],
);

/** The materials of one item version (copied forward on each edit, so history stays whole). */
export const catalogMaterialVersions = pgTable(
  "catalog_material_versions",
  {
    id: uuid("id").primaryKey(),
    tenantId: tenantId(),
    itemVersionId: uuid("item_version_id")
      .notNull()
      .references(() => catalogItemVersions.id),
    sort: integer("sort").notNull(),
    name: text("name").notNull(),
    kind: text("kind").notNull(),
    copies: integer("copies").notNull(),
    source: text("source").notNull(),
    exemptDataSource: text("exempt_data_source"),
    isRequired: boolean("is_required").notNull(),
    isDeferrable: boolean("is_deferrable").notNull(),
    trustLevel: text("trust_level").notNull(),
    template: text("template").notNull(),
    basis: text("basis").notNull(),
  },
  (t) => [index("catalog_material_versions_item_idx").on(t.itemVersionId, t.sort)],
);

/** 一件事: items applied for once. */
export const catalogBundles = pgTable(
  "catalog_bundles",
  {
    id: uuid("id").primaryKey(),
    tenantId: tenantId(),
    code: text("code").notNull(),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [unique("catalog_bundles_code_uq").on(t.tenantId, t.code)],
);

export const catalogBundleVersions = pgTable(
  "catalog_bundle_versions",
  {
    id: uuid("id").primaryKey(),
    tenantId: tenantId(),
    bundleId: uuid("bundle_id")
      .notNull()
      .references(() => catalogBundles.id),
    version: integer("version").notNull(),
    validFrom: at("valid_from").notNull(),
    validTo: at("valid_to"),
    changedBy: text("changed_by").notNull(),
    code: text("code").notNull(),
    name: text("name").notNull(),
    description: text("description").notNull(),
    itemCodes: text("item_codes").array().notNull(),
  },
  (t) => [
    unique("catalog_bundle_versions_uq").on(t.bundleId, t.version),
    index("catalog_bundle_versions_asof_idx").on(t.tenantId, t.validFrom, t.validTo),
  ],
);

/** 政策兑现 cases: one grant under a policy-benefit item (no personal data kept here). */
export const catalogPolicyCases = pgTable(
  "catalog_policy_cases",
  {
    id: uuid("id").primaryKey(),
    tenantId: tenantId(),
    itemId: uuid("item_id")
      .notNull()
      .references(() => catalogItems.id),
    caseNo: text("case_no").notNull(),
    grantedOn: date("granted_on", { mode: "string" }).notNull(),
    beneficiaryKind: text("beneficiary_kind").notNull(),
    amountFen: bigint("amount_fen", { mode: "number" }).notNull(),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [
    unique("catalog_policy_cases_no_uq").on(t.tenantId, t.caseNo),
    index("catalog_policy_cases_item_idx").on(t.tenantId, t.itemId, t.grantedOn),
  ],
);
