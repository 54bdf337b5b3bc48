import { resourceInput } from "./factories/data-resource.factory.ts";
import type { Spec } from "./route-spec-types.ts";

// 数据资源目录与共享交换: data officers only; a unit's officer reaches its subtree's resources.
const DATA: ["data_officer"] = ["data_officer"];

export const DATA_ROUTES: Record<string, Spec> = {
  "GET /api/data/resources": { roles: DATA, ok: 200, list: true },
  "GET /api/data/resources/tree": { roles: DATA, ok: 200, list: true },
  // 共享目录: every unit's officer sees what may be asked for, the matrix's foreign resources included.
  "GET /api/data/shared-catalog": { roles: DATA, ok: 200 },
  "GET /api/data/shared-catalog/:code": {
    roles: DATA,
    ok: 200,
    url: (t) => `/api/data/shared-catalog/${t.resourceCode}`,
  },
  "GET /api/data/resources/export.xlsx": { roles: DATA, ok: 200 },
  "POST /api/data/resources/import": { roles: DATA, ok: 400, body: () => ({}) },
  "GET /api/data/resources/:code": {
    roles: DATA,
    ok: 200,
    url: (t) => `/api/data/resources/${t.resourceCode}`,
    scoped: true,
  },
  "GET /api/data/resources/:code/versions": {
    roles: DATA,
    ok: 200,
    url: (t) => `/api/data/resources/${t.resourceCode}/versions`,
    scoped: true,
  },
  "GET /api/data/resources/:code/exempt-materials": {
    roles: DATA,
    ok: 200,
    url: (t) => `/api/data/resources/${t.resourceCode}/exempt-materials`,
    scoped: true,
  },
  // The check spans the whole catalog: a district-wide data officer only (the matrix officer is not).
  "GET /api/data/exempt-sources": { roles: DATA, ok: 200, okFor: { data_officer: 403 } },
  "POST /api/data/resources": { roles: DATA, ok: 201, body: (t) => resourceInput(t.unitId), scoped: true },
  "PUT /api/data/resources/:code": {
    roles: DATA,
    ok: 200,
    url: (t) => `/api/data/resources/${t.resourceCode}`,
    body: (t) => resourceInput(t.unitId, { code: t.resourceCode, name: "企业登记信息（修订）" }),
    scoped: true,
  },
  "GET /api/data/systems": { roles: DATA, ok: 200, list: true },
  "POST /api/data/systems": {
    roles: DATA,
    ok: 201,
    body: (t) => ({
      name: "测试系统",
      ownerUnitId: t.unitId,
      onGovCloud: false,
      protectionLevel: 3,
      provides: [t.resourceCode],
    }),
    scoped: true,
  },
  "PUT /api/data/systems/:id": {
    roles: DATA,
    ok: 200,
    url: (t) => `/api/data/systems/${t.systemId}`,
    body: (t) => ({ name: "测试系统", ownerUnitId: t.unitId, onGovCloud: true, protectionLevel: 3 }),
    scoped: true,
  },
  "POST /api/data/resources/:code/batches": {
    roles: DATA,
    ok: 201,
    url: (t) => `/api/data/resources/${t.resourceCode}/batches`,
    body: () => ({ batchId: `b-${Math.random().toString(36).slice(2)}`, rowCount: 10, checksum: "0".repeat(64) }),
    scoped: true,
  },
  // A file body is its own test's matter (batch-upload.int.test.ts); here a JSON body is refused as no file.
  "POST /api/data/resources/:code/batches/upload": {
    roles: DATA,
    ok: 400,
    url: (t) => `/api/data/resources/${t.resourceCode}/batches/upload?batchId=m-1`,
    body: () => ({}),
  },
  "POST /api/data/write-keys": {
    roles: DATA,
    ok: 201,
    body: (t) => ({ providerUnitId: t.unitId, name: "企业登记系统" }),
    scoped: true,
  },
  "GET /api/data/credentials": { roles: DATA, ok: 200, list: true },
  "POST /api/data/credentials/:id/revoke": {
    roles: DATA,
    ok: 200,
    url: (t) => `/api/data/credentials/${t.dataKeyId}/revoke`,
    scoped: true,
  },
  "GET /api/data/resources/:code/batches": {
    roles: DATA,
    ok: 200,
    url: (t) => `/api/data/resources/${t.resourceCode}/batches`,
    scoped: true,
  },
  "GET /api/data/resources/:code/quality": {
    roles: DATA,
    ok: 200,
    url: (t) => `/api/data/resources/${t.resourceCode}/quality`,
    scoped: true,
  },
  "GET /api/data/requests": { roles: DATA, ok: 200, list: true },
  "GET /api/data/requests/:id": {
    roles: DATA,
    ok: 200,
    url: (t) => `/api/data/requests/${t.dataRequestId}`,
    scoped: true,
  },
  "POST /api/data/requests": {
    roles: DATA,
    ok: 201,
    body: (t) => ({
      resourceCode: t.resourceCode,
      consumerUnitId: t.unitId,
      purpose: "核验企业登记信息",
      legalBasis: "《优化营商环境条例》",
      fields: ["企业名称"],
      periodFrom: "2022-01-01",
      periodTo: "2022-12-31",
    }),
    scoped: true,
  },
  "POST /api/data/requests/:id/decision": {
    roles: DATA,
    ok: 200,
    url: (t) => `/api/data/requests/${t.dataRequestId}/decision`,
    body: () => ({ decision: "approve", fields: ["企业名称"] }),
    scoped: true,
  },
  "POST /api/data/grants/:id/revoke": {
    roles: DATA,
    ok: 200,
    url: (t) => `/api/data/grants/${t.dataGrantId}/revoke`,
    body: () => ({ reason: "用途已完成" }),
    scoped: true,
  },
  "POST /api/data/grants/:id/credentials": {
    roles: DATA,
    ok: 201,
    url: (t) => `/api/data/grants/${t.dataGrantId}/credentials`,
    scoped: true,
  },
  // Machine clients with a grant's credential (its own test covers grants, masking and refusals).
  "GET /api/data/resources/:code/rows": { roles: "api_key", ok: 200 },
  "GET /api/data/exchange-log": { roles: DATA, ok: 200, list: true },
  // The matrix's grants sit below the district root: a unit's data officer may not check the district's chain.
  "GET /api/data/exchange-log/verify": { roles: ["data_officer", "auditor"], ok: 200, okFor: { data_officer: 403 } },
  "GET /api/data/exchange-log/counters": {
    roles: DATA,
    ok: 200,
    url: () => "/api/data/exchange-log/counters?by=consumer",
    list: true,
  },
  "GET /api/data/statistics": { roles: DATA, ok: 200, url: () => "/api/data/statistics?year=2022", list: true },
  "GET /api/data/batches": { roles: DATA, ok: 200, list: true },
  // Open data: CKAN's Action API and the downloads are public (their own test covers what they publish).
  "GET /api/3/action/:action": { roles: "public", ok: 200 },
  "POST /api/3/action/:action": { roles: "public", ok: 200 },
  "GET /api/public/data/:tenant/resources/:code/download.csv": { roles: "public", ok: 200 },
  "GET /api/public/data/:tenant/resources/:code/download.xlsx": { roles: "public", ok: 200 },
  "GET /api/public/data/:tenant/resources/:code/download.json": { roles: "public", ok: 200 },
};
