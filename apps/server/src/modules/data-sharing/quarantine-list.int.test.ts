import { beforeAll, describe, expect, it } from "vitest";
import { resourceInput } from "../../../test/factories/data-resource.factory.ts";
import { buildUser, type TestUser } from "../../../test/factories/user.factory.ts";
import { setUpHarness } from "../../../test/harness.ts";
import { authHeaders } from "../../../test/test-app.ts";

// A batch lists its first 1,000 quarantined rows and counts them all, duplicates included.
const h = setUpHarness();
let officer: TestUser;

beforeAll(async () => {
  officer = await buildUser(h.database.db, h.tenant.id, h.tenant.units.a.id, ["data_officer"]);
});

describe("quarantined rows", () => {
  it("are counted in full, listed up to 1,000, and duplicates past the list still reach the quality report", async () => {
    const input = resourceInput(h.tenant.units.a1.id);
    const call = (method: "GET" | "POST", url: string, payload?: object) =>
      h.built.app.inject({ method, url, headers: authHeaders(officer), ...(payload ? { payload } : {}) });
    expect((await call("POST", "/api/data/resources", input)).statusCode).toBe(201);
    const key = (n: number) => `91440114MA${String(n).padStart(8, "0")}`;
    const rows = [
      // 100 good rows, then 1,100 without their required name, then 200 repeating good rows' keys.
      ...Array.from({ length: 100 }, (_, i) => ({ 统一社会信用代码: key(i), 企业名称: `企业${i}` })),
      ...Array.from({ length: 1100 }, (_, i) => ({ 统一社会信用代码: key(1000 + i), 企业名称: "" })),
      ...Array.from({ length: 200 }, (_, i) => ({ 统一社会信用代码: key(i % 100), 企业名称: `重报${i}` })),
    ];
    const res = await call("POST", `/api/data/resources/${input.code}/batches`, {
      batchId: "many-bad",
      mode: "quarantine",
      rows,
    });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(201);
    expect(res.json()).toMatchObject({ received: 1400, accepted: 100, quarantined: 1300 });
    expect(res.json().quarantine).toHaveLength(1000);
    expect(res.json().quarantine[0]).toEqual({ row: 101, errors: [{ column: "企业名称", message: "必填项为空" }] });
    const listed = await call("GET", `/api/data/resources/${input.code}/batches`);
    expect(listed.json().items[0].quarantine).toHaveLength(1000);
    const quality = await call("GET", `/api/data/resources/${input.code}/quality`);
    expect(quality.json()).toMatchObject({ storedRows: 100, quarantinedRows: 1300, duplicateKeys: 200 });
  });
});
