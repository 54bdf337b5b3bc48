import { DEFAULT_APPOINTMENT_SETTINGS } from "../../../packages/contracts/src/appointments.ts";
import type { Role } from "../../../packages/contracts/src/common.ts";
import { itemInput } from "./factories/catalog-item.factory.ts";
import { TEST_PASSWORD } from "./factories/user.factory.ts";

// The route table shared by the authorization matrix and the second-tenant test.
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
const CATALOG_TENANT_WIDE: Role[] = ["hall_staff"];

const WO_VIEW: Role[] = ["dispatcher", "handler", "supervisor", "leader", "auditor"];
const BUDGET_VIEW: Role[] = ["finance_officer", "leader", "auditor"];
const FINANCE: Role[] = ["finance_officer"];
const EVAL_VIEW: Role[] = ["supervisor", "handler", "hall_staff", "leader", "auditor"];
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
const HALL_VIEW: Role[] = ["hall_staff", "admin", "supervisor", "leader", "auditor"];
const CATALOG_VIEW: Role[] = [
  "catalog_manager",
  "hall_staff",
  "admin",
  "supervisor",
  "leader",
  "auditor",
  "data_officer",
];

// Written independently of the routes' own declarations: this table is the specification.
export const SPEC: Record<string, Spec> = {
  "POST /api/auth/login": { roles: "public", ok: 200 },
  "POST /api/auth/logout": { roles: "any", ok: 200 },
  "GET /api/auth/me": { roles: "any", ok: 200 },
  "POST /api/auth/password": {
    roles: "any",
    ok: 200,
    body: () => ({ currentPassword: TEST_PASSWORD, newPassword: "Changed-pass-456" }),
  },
  "GET /api/org/tree": { roles: "any", ok: 200, list: true },
  "GET /api/org/units/:id": { roles: "any", ok: 200, url: (t) => `/api/org/units/${t.unitId}`, scoped: true },
  "POST /api/org/units": {
    roles: ["admin"],
    ok: 201,
    body: (t) => ({ parentId: t.unitId, name: "新设科室", kind: "department_unit" }),
    scoped: true,
  },
  "PATCH /api/org/units/:id": {
    roles: ["admin"],
    ok: 200,
    url: (t) => `/api/org/units/${t.unitId}`,
    body: () => ({ name: "改名科室" }),
    scoped: true,
  },
  "GET /api/users": { roles: ["admin", "auditor"], ok: 200, list: true },
  "POST /api/users": {
    roles: ["admin"],
    ok: 201,
    body: (t) => ({
      username: `n${Math.random().toString(36).slice(2, 10)}`,
      displayName: "新用户",
      orgUnitId: t.unitId,
      password: "Abcdef123",
      roles: ["handler"],
    }),
    scoped: true,
  },
  "GET /api/users/:id": { roles: ["admin", "auditor"], ok: 200, url: (t) => `/api/users/${t.userId}`, scoped: true },
  "PATCH /api/users/:id": {
    roles: ["admin"],
    ok: 200,
    url: (t) => `/api/users/${t.userId}`,
    body: () => ({ displayName: "改名用户" }),
    scoped: true,
  },
  "POST /api/users/:id/reset-password": {
    roles: ["admin"],
    ok: 200,
    url: (t) => `/api/users/${t.userId}/reset-password`,
    body: () => ({ newPassword: "Reset-pass-789" }),
    scoped: true,
  },
  "GET /api/users/:id/contact": {
    roles: ["admin"],
    ok: 200,
    url: (t) => `/api/users/${t.userId}/contact`,
    scoped: true,
  },
  "POST /api/users/:id/grants": {
    roles: ["admin"],
    ok: 201,
    url: (t) => `/api/users/${t.userId}/grants`,
    body: (t) => ({ role: "leader", orgUnitId: t.unitId }),
    scoped: true,
  },
  "DELETE /api/users/:id/grants/:grantId": {
    roles: ["admin"],
    ok: 200,
    url: (t) => `/api/users/${t.userId}/grants/${t.grantId}`,
    scoped: true,
  },
  "GET /api/api-keys": { roles: ["admin"], ok: 200, list: true },
  "POST /api/api-keys": { roles: ["admin"], ok: 201, body: () => ({ name: "测试密钥", scopes: ["tickets:read"] }) },
  "POST /api/api-keys/:id/revoke": {
    roles: ["admin"],
    ok: 200,
    url: (t) => `/api/api-keys/${t.apiKeyId}/revoke`,
    scoped: true,
  },
  "GET /api/audit": { roles: ["admin", "auditor"], ok: 200, list: true },
  "GET /api/audit/verify": { roles: ["admin", "auditor"], ok: 200 },
  // Job runs span every tenant: only an admin granted on the tenant root reads them (the matrix's grants are below it).
  "GET /api/jobs/runs": { roles: ["admin"], ok: 200, okFor: { admin: 403 } },
  "GET /api/machine/whoami": { roles: "api_key", ok: 200 },
  "GET /api/work-orders": { roles: WO_VIEW, ok: 200, list: true },
  "GET /api/work-orders/export.xlsx": { roles: WO_VIEW, ok: 200 },
  "POST /api/export-tasks": { roles: WO_VIEW, ok: 202, body: () => ({ kind: "work_orders", filter: {} }) },
  "GET /api/export-tasks": { roles: "any", ok: 200 },
  // A task is its creator's alone: anyone else's, or none, is not found.
  "GET /api/export-tasks/:id": { roles: "any", ok: 404, url: () => `/api/export-tasks/${NO_ID}` },
  "GET /api/export-tasks/:id/download": { roles: "any", ok: 404, url: () => `/api/export-tasks/${NO_ID}/download` },
  "GET /api/work-orders/metrics": { roles: ["dispatcher", "supervisor", "leader", "auditor"], ok: 200 },
  "POST /api/work-orders": {
    roles: ["dispatcher"],
    ok: 201,
    body: () => ({
      receivedAt: "2022-09-30T10:00:00+08:00",
      category: "help",
      kind: "hotline",
      urgency: "normal",
      channel: "phone",
      title: "来电登记",
      content: "内容",
      campaignTags: [],
    }),
  },
  "GET /api/work-orders/:id": {
    roles: WO_VIEW,
    ok: 200,
    url: (t) => `/api/work-orders/${t.workOrderId}`,
    scoped: true,
  },
  "GET /api/work-orders/:id/contacts": {
    roles: ["dispatcher", "handler"],
    ok: 200,
    url: (t) => `/api/work-orders/${t.workOrderId}/contacts`,
    scoped: true,
  },
  // The ticket waits for the unit to sign: a handler may, the centre may not (visible, forbidden: 403).
  "POST /api/work-orders/:id/transitions": {
    roles: ["dispatcher", "handler"],
    ok: 200,
    okFor: { dispatcher: 403 },
    url: (t) => `/api/work-orders/${t.workOrderId}/transitions`,
    body: () => ({ action: "accept" }),
    scoped: true,
  },
  "POST /api/work-orders/bulk-transitions": {
    roles: ["dispatcher", "handler"],
    ok: 200,
    body: (t) => ({ ids: [t.workOrderId], transition: { action: "accept" } }),
  },
  "GET /api/work-orders/:id/suggestions": {
    roles: ["dispatcher"],
    ok: 200,
    url: (t) => `/api/work-orders/${t.workOrderId}/suggestions`,
    scoped: true,
  },
  "GET /api/work-orders/:id/duplicates": {
    roles: WO_VIEW,
    ok: 200,
    url: (t) => `/api/work-orders/${t.workOrderId}/duplicates`,
    scoped: true,
  },
  "POST /api/work-orders/:id/merge": {
    roles: ["dispatcher"],
    ok: 200,
    url: (t) => `/api/work-orders/${t.workOrderId}/merge`,
    body: (t) => ({ masterId: t.masterId }),
    scoped: true,
  },
  "POST /api/work-orders/:id/supervise": {
    roles: ["dispatcher", "supervisor"],
    ok: 200,
    url: (t) => `/api/work-orders/${t.workOrderId}/supervise`,
    body: () => ({}),
    scoped: true,
  },
  // A JSON body is not a spreadsheet: the admitted role reaches validation (400), the others are refused first.
  "POST /api/work-orders/import": { roles: ["dispatcher"], ok: 400, body: () => ({ rows: [] }) },
  "POST /api/intake/city-tickets": { roles: "api_key", ok: 201 },
  "GET /api/work-orders/sla-policies": {
    roles: WO_VIEW,
    ok: 200,
    url: () => "/api/work-orders/sla-policies?year=2022",
  },
  "PUT /api/work-orders/sla-policies/:id": {
    roles: ["dispatcher"],
    ok: 404,
    url: () => "/api/work-orders/sla-policies/00000000-0000-4000-8000-000000000000",
    body: () => ({
      acceptValue: 1,
      acceptUnit: "wd",
      closeValue: 10,
      closeUnit: "wd",
      warnHours: 24,
      maxExtensions: 1,
      superviseAfterWd: 1,
      notifyAfterWd: 3,
    }),
  },
  "GET /api/work-orders/campaigns": { roles: WO_VIEW, ok: 200 },
  "POST /api/work-orders/campaigns": {
    roles: ["dispatcher"],
    ok: 201,
    // Tenant-wide: the matrix's actors sit on department A, not the root (see tenant-settings test).
    okFor: { dispatcher: 403 },
    body: () => ({
      tag: `专项${Math.random().toString(36).slice(2, 8)}`,
      name: "测试专项",
      startsOn: "2022-03-15",
      endsOn: "2022-10-31",
    }),
  },
  "GET /open311/discovery.json": { roles: "public", ok: 200 },
  "GET /open311/v2/services.:format": { roles: "public", ok: 200 },
  "GET /open311/v2/services/:service_code.:format": { roles: "public", ok: 200 },
  "POST /open311/v2/requests.:format": { roles: "api_key", ok: 201 },
  "GET /open311/v2/requests.:format": { roles: "public", ok: 200 },
  "GET /open311/v2/requests/:service_request_id.:format": { roles: "public", ok: 200 },
  "GET /api/calendar": { roles: "any", ok: 200, url: () => "/api/calendar?year=2022" },
  "POST /api/calendar": {
    roles: ["admin"],
    ok: 200,
    okFor: { admin: 403 },
    body: () => ({ days: [{ day: "2099-01-01", kind: "holiday", name: "元旦" }] }),
  },
  "GET /api/public/work-orders/:number": { roles: "public", ok: 200 },
  "GET /api/budget/years": { roles: BUDGET_VIEW, ok: 200, list: true },
  "GET /api/budget/years/:year": {
    roles: BUDGET_VIEW,
    ok: 200,
    url: (t) => `/api/budget/years/${t.year}`,
    scoped: true,
  },
  "PUT /api/budget/years/:year": {
    roles: FINANCE,
    ok: 200,
    url: (t) => `/api/budget/years/${t.year}`,
    body: (t) => yearBody(t.unitId),
    scoped: true,
  },
  "POST /api/budget/years/:year/projects": {
    roles: FINANCE,
    ok: 201,
    url: (t) => `/api/budget/years/${t.year}/projects`,
    body: projectBody,
    scoped: true,
  },
  "PUT /api/budget/projects/:id": {
    roles: FINANCE,
    ok: 200,
    url: (t) => `/api/budget/projects/${t.projectId}`,
    body: projectBody,
    scoped: true,
  },
  "DELETE /api/budget/projects/:id": { roles: FINANCE, ok: 404, url: () => `/api/budget/projects/${NO_ID}` },
  // A JSON body is not a workbook: the admitted role reaches validation.
  "POST /api/budget/years/:year/import": {
    roles: FINANCE,
    ok: 400,
    url: (t) => `/api/budget/years/${t.year}/import`,
    body: () => ({}),
  },
  "GET /api/budget/years/:year/export.xlsx": {
    roles: BUDGET_VIEW,
    ok: 200,
    url: (t) => `/api/budget/years/${t.year}/export.xlsx`,
    scoped: true,
  },
  "POST /api/budget/years/:year/facts": {
    roles: FINANCE,
    ok: 201,
    url: (t) => `/api/budget/years/${t.year}/facts`,
    body: () => ({ key: `k${Math.random().toString(36).slice(2, 10)}`, label: "出口", value: 1, sourceNote: "台账" }),
    scoped: true,
  },
  "GET /api/budget/facts/:id/evidence": {
    roles: BUDGET_VIEW,
    ok: 200,
    url: (t) => `/api/budget/facts/${t.factId}/evidence`,
    scoped: true,
  },
  "GET /api/evaluations": { roles: BUDGET_VIEW, ok: 200, url: (t) => `/api/evaluations?year=${t.year}`, scoped: true },
  // The year already has its evaluation: the admitted role reaches the domain check.
  "POST /api/evaluations": { roles: FINANCE, ok: 409, body: (t) => ({ year: t.year }), scoped: true },
  "GET /api/evaluations/compare": {
    roles: BUDGET_VIEW,
    ok: 200,
    url: (t) => `/api/evaluations/compare?from=${t.evaluationId}&to=${t.evaluationId}`,
    scoped: true,
  },
  "GET /api/evaluations/:id": {
    roles: BUDGET_VIEW,
    ok: 200,
    url: (t) => `/api/evaluations/${t.evaluationId}`,
    scoped: true,
  },
  "PUT /api/evaluations/:id/items/:code": {
    roles: FINANCE,
    ok: 200,
    url: (t) => `/api/evaluations/${t.evaluationId}/items/1.1.1`,
    body: () => ({ score: 1, justification: "目标依据基本充分" }),
    scoped: true,
  },
  // The draft still has unscored items.
  "POST /api/evaluations/:id/submit": {
    roles: FINANCE,
    ok: 400,
    url: (t) => `/api/evaluations/${t.evaluationId}/submit`,
    scoped: true,
  },
  "POST /api/evaluations/:id/approve": {
    roles: ["leader"],
    ok: 409,
    url: (t) => `/api/evaluations/${t.evaluationId}/approve`,
    scoped: true,
  },
  "POST /api/evaluations/:id/revise": {
    roles: FINANCE,
    ok: 409,
    url: (t) => `/api/evaluations/${t.evaluationId}/revise`,
    scoped: true,
  },
  "POST /api/evaluations/:id/return": {
    roles: ["leader"],
    ok: 409,
    url: (t) => `/api/evaluations/${t.evaluationId}/return`,
    body: () => ({ reason: "请补充说明" }),
    scoped: true,
  },
  "GET /api/reports/:year": { roles: BUDGET_VIEW, ok: 200, url: (t) => `/api/reports/${t.year}`, scoped: true },
  "GET /api/reports/:year/report.docx": {
    roles: BUDGET_VIEW,
    ok: 200,
    url: (t) => `/api/reports/${t.year}/report.docx`,
    scoped: true,
  },
  // The matrix app runs without LibreOffice: the admitted role gets the clear 503.
  "GET /api/reports/:year/report.pdf": {
    roles: BUDGET_VIEW,
    ok: 503,
    url: (t) => `/api/reports/${t.year}/report.pdf`,
    scoped: true,
  },
  // A JSON body is not a report file: the admitted roles reach validation.
  "POST /api/reports/check": {
    roles: ["finance_officer", "leader", "auditor", "supervisor", "admin"],
    ok: 400,
    body: () => ({}),
  },
  "GET /api/reports/:year/paragraphs": {
    roles: BUDGET_VIEW,
    ok: 200,
    url: (t) => `/api/reports/${t.year}/paragraphs`,
    scoped: true,
  },
  "PUT /api/reports/:year/paragraphs/:key": {
    roles: FINANCE,
    ok: 200,
    url: (t) => `/api/reports/${t.year}/paragraphs/measures.text`,
    body: () => ({ text: "进一步加强预算管理。" }),
    scoped: true,
  },
  "DELETE /api/reports/:year/paragraphs/:key": {
    roles: FINANCE,
    ok: 200,
    url: (t) => `/api/reports/${t.year}/paragraphs/measures.text`,
    scoped: true,
  },
  "POST /api/public/ratings": { roles: "public", ok: 404 },
  "GET /api/public/ratings/disclosure": { roles: "public", ok: 200 },
  "GET /api/ratings": { roles: EVAL_VIEW, ok: 200, list: true },
  "GET /api/ratings/rates": { roles: EVAL_VIEW, ok: 200 },
  "GET /api/ratings/:id": { roles: EVAL_VIEW, ok: 200, url: (t) => `/api/ratings/${t.ratingId}`, scoped: true },
  // A good rating cannot be appealed, and nothing is pending: the admitted roles reach the domain check.
  "POST /api/ratings/:id/appeal": {
    roles: ["handler", "hall_staff"],
    ok: 409,
    url: (t) => `/api/ratings/${t.ratingId}/appeal`,
    body: () => ({ reason: "评价与事实不符" }),
    scoped: true,
  },
  "POST /api/ratings/:id/decision": {
    roles: ["supervisor"],
    ok: 409,
    url: (t) => `/api/ratings/${t.ratingId}/decision`,
    body: () => ({ outcome: "rejected", reason: "维持原评价" }),
    scoped: true,
  },
  "POST /api/intake/online-cases": { roles: "api_key", ok: 201 },
  "GET /api/online-cases": { roles: EVAL_VIEW, ok: 200, list: true },
  "GET /api/online-cases/:id": {
    roles: EVAL_VIEW,
    ok: 200,
    url: (t) => `/api/online-cases/${t.onlineCaseId}`,
    scoped: true,
  },
  "GET /api/deferrals": { roles: HALL_VIEW, ok: 200, list: true },
  "GET /api/deferrals/:id": { roles: HALL_VIEW, ok: 200, url: (t) => `/api/deferrals/${t.deferralId}`, scoped: true },
  "GET /api/deferrals/options/:id": { roles: ["hall_staff"], ok: 404, url: () => `/api/deferrals/options/${NO_ID}` },
  // No such case: the admitted role reaches the lookup.
  "POST /api/deferrals": {
    roles: ["hall_staff"],
    ok: 404,
    body: () => ({
      caseId: NO_ID,
      missingMaterials: ["户口簿复印件"],
      promiseText: "本人承诺在期限内补齐材料。",
      promiseSignedAt: new Date().toISOString(),
    }),
  },
  "POST /api/deferrals/:id/actions": {
    roles: ["hall_staff"],
    ok: 200,
    url: (t) => `/api/deferrals/${t.deferralId}/actions`,
    body: () => ({ action: "make_up", note: "材料已补齐" }),
    scoped: true,
  },
  "GET /api/credit-flags": { roles: ["supervisor", "admin"], ok: 200 },
  // The list is district-wide: the matrix actor's grant on unit A may read it but not add to it.
  "POST /api/credit-flags": {
    roles: ["supervisor", "admin"],
    ok: 403,
    body: () => ({
      idNumber: "440114199001011235",
      personName: "测试",
      reason: "失信被执行人",
      source: "信用中国",
      listedOn: "2022-01-01",
    }),
  },
  "POST /api/credit-flags/:id/lift": {
    roles: ["supervisor", "admin"],
    ok: 404,
    url: () => `/api/credit-flags/${NO_ID}/lift`,
    body: () => ({ note: "信用修复" }),
  },
  "GET /api/halls": { roles: HALL_VIEW, ok: 200, list: true },
  "POST /api/halls": {
    roles: ["admin"],
    ok: 201,
    body: (t) => ({ orgUnitId: t.unitId, name: `大厅${Math.random().toString(36).slice(2, 10)}` }),
    scoped: true,
  },
  "GET /api/halls/:id": { roles: HALL_VIEW, ok: 200, url: (t) => `/api/halls/${t.hallId}`, scoped: true },
  "POST /api/halls/:id/groups": {
    roles: ["admin"],
    ok: 201,
    url: (t) => `/api/halls/${t.hallId}/groups`,
    body: () => ({
      prefix: "Z",
      name: "新窗口组",
      slotCapacity: 5,
      items: [{ itemCode: "Z-1", itemName: "事项" }],
      windows: ["Z1号窗口"],
    }),
    scoped: true,
  },
  "PUT /api/halls/:id/hours": {
    roles: ["admin"],
    ok: 200,
    url: (t) => `/api/halls/${t.hallId}/hours`,
    body: () => ({ sessions: null }),
    scoped: true,
  },
  "POST /api/halls/:id/closures": {
    roles: ["admin"],
    ok: 200,
    url: (t) => `/api/halls/${t.hallId}/closures`,
    body: () => ({ day: "2099-01-02", reason: "设备检修" }),
    scoped: true,
  },
  "POST /api/halls/:id/slots/generate": {
    roles: ["admin"],
    ok: 200,
    url: (t) => `/api/halls/${t.hallId}/slots/generate`,
    body: () => ({ workdays: 1 }),
    scoped: true,
  },
  "GET /api/halls/:id/slots": { roles: HALL_VIEW, ok: 200, url: (t) => `/api/halls/${t.hallId}/slots`, scoped: true },
  "GET /api/halls/:id/queue": { roles: HALL_VIEW, ok: 200, url: (t) => `/api/halls/${t.hallId}/queue`, scoped: true },
  "POST /api/halls/:id/check-ins": {
    roles: ["hall_staff"],
    ok: 201,
    url: (t) => `/api/halls/${t.hallId}/check-ins`,
    body: (t) => ({ kind: "walk_in", groupId: t.groupId, itemCode: "I-A1" }),
    scoped: true,
  },
  // Nobody is being called at the window: the operator reaches the domain check (409 no_current).
  // A fresh clerk has no window yet: the window is not theirs (window-staff.int.test.ts serves a seated one).
  "POST /api/hall-windows/:id/actions": {
    roles: ["hall_staff"],
    ok: 403,
    url: (t) => `/api/hall-windows/${t.windowId}/actions`,
    body: () => ({ action: "recall" }),
    scoped: true,
  },
  "GET /api/halls/:id/clerks": {
    roles: ["admin", "supervisor"],
    ok: 200,
    url: (t) => `/api/halls/${t.hallId}/clerks`,
    scoped: true,
  },
  "PUT /api/hall-windows/:id/staff": {
    roles: ["admin", "supervisor"],
    ok: 200,
    url: (t) => `/api/hall-windows/${t.windowId}/staff`,
    body: () => ({ userId: null }),
    scoped: true,
  },
  "GET /api/appointments/bookings": { roles: HALL_VIEW, ok: 200, list: true },
  "GET /api/appointments/cases": { roles: HALL_VIEW, ok: 200, list: true },
  "GET /api/appointments/tickets": { roles: HALL_VIEW, ok: 200, list: true },
  "GET /api/appointments/metrics": { roles: HALL_VIEW, ok: 200 },
  "GET /api/appointments/bookable-items": { roles: HALL_VIEW, ok: 200 },
  "GET /api/appointments/settings": { roles: HALL_VIEW, ok: 200 },
  "PUT /api/appointments/settings": {
    roles: ["admin"],
    ok: 200,
    okFor: { admin: 403 },
    body: () => DEFAULT_APPOINTMENT_SETTINGS,
  },
  "GET /api/public/halls": { roles: "public", ok: 200 },
  "GET /api/public/halls/:id": { roles: "public", ok: 200 },
  "GET /api/public/halls/:id/slots": { roles: "public", ok: 200 },
  "POST /api/public/bookings": { roles: "public", ok: 201 },
  "POST /api/public/bookings/:code/lookup": { roles: "public", ok: 200 },
  "POST /api/public/bookings/:code/cancel": { roles: "public", ok: 200 },
  "POST /api/public/bookings/:code/reschedule": { roles: "public", ok: 200 },
  "POST /api/public/bookings/:code/ics": { roles: "public", ok: 200 },
  "GET /api/public/halls/:id/board": { roles: "public", ok: 200 },
  "GET /api/public/halls/:id/board/events": { roles: "public", ok: 200 },
  "GET /api/catalog/items": { roles: CATALOG_VIEW, ok: 200, list: true, tenantWideFor: CATALOG_TENANT_WIDE },
  "POST /api/catalog/items": {
    roles: ["catalog_manager"],
    ok: 201,
    body: (t) => itemInput(t.unitId),
    scoped: true,
  },
  "GET /api/catalog/items/:id": {
    roles: CATALOG_VIEW,
    ok: 200,
    url: (t) => `/api/catalog/items/${t.itemId}`,
    scoped: true,
    tenantWideFor: CATALOG_TENANT_WIDE,
  },
  "PUT /api/catalog/items/:id": {
    roles: ["catalog_manager"],
    ok: 200,
    url: (t) => `/api/catalog/items/${t.itemId}`,
    body: (t) => itemInput(t.unitId, { code: t.itemCodes[0], name: "改名事项", policyBenefit: true }),
    scoped: true,
  },
  "POST /api/catalog/items/:id/withdraw": {
    roles: ["catalog_manager"],
    ok: 200,
    url: (t) => `/api/catalog/items/${t.itemId}/withdraw`,
    scoped: true,
  },
  "GET /api/catalog/items/:id/versions": {
    roles: CATALOG_VIEW,
    ok: 200,
    url: (t) => `/api/catalog/items/${t.itemId}/versions`,
    scoped: true,
    tenantWideFor: CATALOG_TENANT_WIDE,
  },
  "POST /api/catalog/items/:id/policy-cases": {
    roles: ["catalog_manager"],
    ok: 201,
    url: (t) => `/api/catalog/items/${t.itemId}/policy-cases`,
    body: () => ({
      caseNo: `C${Math.random().toString(36).slice(2, 10)}`,
      grantedOn: "2022-05-01",
      beneficiaryKind: "enterprise",
      amountFen: 100,
    }),
    scoped: true,
  },
  "GET /api/catalog/bundles": { roles: CATALOG_VIEW, ok: 200, list: true },
  "POST /api/catalog/bundles": {
    roles: ["catalog_manager"],
    ok: 201,
    body: (t) => ({
      code: `B${Math.random().toString(36).slice(2, 10)}`,
      name: "开办餐馆一件事",
      itemCodes: t.itemCodes,
    }),
    scoped: true,
  },
  "PUT /api/catalog/bundles/:id": {
    roles: ["catalog_manager"],
    ok: 200,
    url: (t) => `/api/catalog/bundles/${t.bundleId}`,
    body: (t) => ({ code: t.bundleCode, name: "改名一件事", itemCodes: t.itemCodes }),
    scoped: true,
  },
  "GET /api/catalog/metrics": { roles: CATALOG_VIEW, ok: 200 },
  "GET /api/catalog/export.xlsx": { roles: CATALOG_VIEW, ok: 200 },
  // A JSON body is not a workbook: the admitted role reaches validation.
  "POST /api/catalog/import": { roles: ["catalog_manager"], ok: 400, body: () => ({}) },
  "GET /api/public/catalog/items": { roles: "public", ok: 200 },
  "GET /api/public/catalog/items/:code": { roles: "public", ok: 200 },
  "GET /api/public/catalog/bundles": { roles: "public", ok: 200 },
  "GET /api/public/catalog/bundles/:code": { roles: "public", ok: 200 },
  "GET /healthz": { roles: "public", ok: 200 },
  "GET /api/docs": { roles: "public", ok: 200 },
  "GET /api/docs/json": { roles: "public", ok: 200 },
  "GET /api/docs/yaml": { roles: "public", ok: 200 },
  "GET /api/docs/static/index.html": { roles: "public", ok: 302 },
  "GET /api/docs/static/swagger-initializer.js": { roles: "public", ok: 200 },
  "GET /api/docs/static/*": { roles: "public", ok: 200 },
};
