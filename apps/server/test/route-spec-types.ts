import type { Role } from "../../../packages/contracts/src/common.ts";

// The route table's types and shared pieces (route-spec.ts assembles the table from its parts).
/** The resources a request can point at: one set inside the actor's subtree (A1) and one outside (B1). */
export type Targets = {
  unitId: string;
  userId: string;
  grantId: string;
  apiKeyId: string;
  workOrderId: string;
  masterId: string;
  /** A budget year owned by the unit (2022 for A1, 2023 for B1) with a project, a fact and a draft evaluation. */
  year: number;
  projectId: string;
  factId: string;
  evaluationId: string;
  /** A good rating of a service of the unit. */
  ratingId: string;
  hallId: string;
  groupId: string;
  windowId: string;
  /** A 容缺受理 awaiting its materials at the unit's hall. */
  deferralId: string;
  /** A finished online case (网上办件) handled by the unit. */
  onlineCaseId: string;
  /** Two catalog items of the unit (the first a policy-benefit item) and a bundle of both. */
  itemId: string;
  itemCodes: [string, string];
  bundleId: string;
  bundleCode: string;
  /** A 无条件共享 data resource the unit provides, and an information system it owns. */
  resourceCode: string;
  systemId: string;
  /** A 有条件共享 request of the unit to itself, pending; and the grant of an unconditional one. */
  dataRequestId: string;
  dataGrantId: string;
  /** A data:write key of the unit (授权与凭证). */
  dataKeyId: string;
};
export type Spec = {
  /** Roles admitted; "any" = every signed-in user; "public" and "api_key" as declared. */
  roles: readonly Role[] | "any" | "public" | "api_key";
  ok: number;
  url?: (t: Targets) => string;
  body?: (t: Targets) => unknown;
  /** The route reads a resource: out of scope must be 404. */
  scoped?: boolean;
  /** A list: the out-of-scope resource's id must not appear in it. */
  list?: boolean;
  /** Admitted roles whose in-scope answer differs from `ok` (e.g. 403 for a unit action by the centre). */
  okFor?: Partial<Record<Role, number>>;
  /** Admitted roles that read the whole tenant, not their subtree (window staff read every department's items). */
  tenantWideFor?: readonly Role[];
};

/** Window staff serve every department's items, so they read the tenant's whole catalog. */
export const CATALOG_TENANT_WIDE: Role[] = ["hall_staff"];

export const WO_VIEW: Role[] = ["dispatcher", "handler", "supervisor", "leader", "auditor"];
export const BUDGET_VIEW: Role[] = ["finance_officer", "leader", "auditor"];
export const FINANCE: Role[] = ["finance_officer"];
export const EVAL_VIEW: Role[] = ["supervisor", "handler", "hall_staff", "leader", "auditor"];
export const NO_ID = "00000000-0000-4000-8000-000000000000";
export const yearBody = (unitId: string) => ({
  orgUnitId: unitId,
  revenues: [{ source: "fiscal_appropriation", budgetFen: 100, actualFen: 100 }],
  basicBudgetFen: 1,
  basicExecutedFen: 1,
  publicFundsBudgetFen: 1,
  publicFundsActualFen: 1,
  threePublicBudgetFen: 1,
  threePublicActualFen: 1,
  procurementPlanFen: 1,
  procurementActualFen: 1,
  fixedAssetsTotalFen: 1,
  fixedAssetsInUseFen: 1,
});
export const projectBody = () => ({
  code: `M${Math.random().toString(36).slice(2, 10)}`,
  name: "测试项目",
  level: 2,
  budgetFen: 100,
  executedFen: 100,
});
export const HALL_VIEW: Role[] = ["hall_staff", "admin", "supervisor", "leader", "auditor"];
export const CATALOG_VIEW: Role[] = [
  "catalog_manager",
  "hall_staff",
  "admin",
  "supervisor",
  "leader",
  "auditor",
  "data_officer",
];
