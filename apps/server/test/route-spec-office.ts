import type { Role } from "../../../packages/contracts/src/common.ts";
import { TEST_PASSWORD } from "./factories/user.factory.ts";
import { BUDGET_VIEW, FINANCE, NO_ID, projectBody, type Spec, WO_VIEW, yearBody } from "./route-spec-types.ts";

// Sign-in, org and accounts, work orders and Open311, the calendar, the budget: written independently of the routes' own
// declarations, this table is the specification.

/** 诉求 analysis: who reads tickets, and the data officers; a period of three years around now. */
const APPEALS: Role[] = [...WO_VIEW, "data_officer"];
const PERIOD = "from=2025-01-01&to=2027-12-31";

export const OFFICE_ROUTES: Record<string, Spec> = {
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
  "GET /api/workbench": { roles: "any", ok: 200, list: true },
  // A task is its creator's alone: anyone else's, or none, is not found.
  "GET /api/export-tasks/:id": { roles: "any", ok: 404, url: () => `/api/export-tasks/${NO_ID}` },
  "GET /api/export-tasks/:id/download": { roles: "any", ok: 404, url: () => `/api/export-tasks/${NO_ID}/download` },
  // Grouped by unit, so the figures name the units they count: none outside the actor's scope.
  "GET /api/work-orders/metrics": {
    roles: ["dispatcher", "supervisor", "leader", "auditor"],
    ok: 200,
    url: () => "/api/work-orders/metrics?groupBy=unit",
    list: true,
  },
  "GET /api/dashboard/cockpit": {
    roles: ["leader", "supervisor", "dispatcher", "data_officer", "auditor", "finance_officer", "admin"],
    ok: 200,
  },
  "GET /api/dashboard/appeals/hot-topics": {
    roles: APPEALS,
    ok: 200,
    url: () => `/api/dashboard/appeals/hot-topics?${PERIOD}`,
  },
  "GET /api/dashboard/appeals/rising-topics": {
    roles: APPEALS,
    ok: 200,
    url: () => "/api/dashboard/appeals/rising-topics?week=2026-12-07",
  },
  "GET /api/dashboard/appeals/hot-spots": {
    roles: APPEALS,
    ok: 200,
    url: () => `/api/dashboard/appeals/hot-spots?${PERIOD}`,
  },
  "GET /api/dashboard/appeals/repeat-callers": {
    roles: APPEALS,
    ok: 200,
    url: () => `/api/dashboard/appeals/repeat-callers?${PERIOD}`,
  },
  // The briefing names no ticket: the out-of-scope one's id must not appear in it either.
  "GET /api/dashboard/briefings": {
    roles: ["leader", "data_officer", "supervisor"],
    ok: 200,
    url: () => "/api/dashboard/briefings?from=2026-11-30&to=2026-12-06",
    list: true,
  },
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
};
