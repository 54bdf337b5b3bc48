import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { DataKey } from "../../../../../packages/contracts/src/data-sharing-credentials.ts";
import { requestInput, resourceInput } from "../../../test/factories/data-resource.factory.ts";
import { movableClock } from "../../../test/factories/hall.factory.ts";
import { buildUser, type TestUser } from "../../../test/factories/user.factory.ts";
import { setUpHarness } from "../../../test/harness.ts";
import { authHeaders } from "../../../test/test-app.ts";
import { queryRows } from "../../platform/db/rows.ts";
import { issueApiKey } from "../api-keys/api-keys.service.ts";

/*
 * 授权与凭证: a unit's data officer sees the unit's data-service credentials (with the grant they
 * serve) and data:write keys, and revokes them; nobody else's, and no other kind of key.
 */
const clock = movableClock("2022-10-10T10:00:00+08:00");
const h = setUpHarness({ clock });
let provider: TestUser;
let townA: TestUser;
let code: string;

const call = (who: TestUser, method: "GET" | "POST", url: string, payload?: object) =>
  h.built.app.inject({ method, url, headers: authHeaders(who), ...(payload ? { payload } : {}) });
const listOf = async (who: TestUser) => {
  const res = await call(who, "GET", "/api/data/credentials");
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as DataKey[];
};

beforeAll(async () => {
  provider = await buildUser(h.database.db, h.tenant.id, h.tenant.units.b.id, ["data_officer"]);
  townA = await buildUser(h.database.db, h.tenant.id, h.tenant.units.a.id, ["data_officer"]);
  const input = resourceInput(h.tenant.units.b1.id);
  code = input.code;
  expect((await call(provider, "POST", "/api/data/resources", input)).statusCode).toBe(201);
});

describe("授权与凭证", () => {
  it("lists the unit's credentials and write keys, and revokes them at once", async () => {
    const ask = await call(townA, "POST", "/api/data/requests", requestInput(code, h.tenant.units.a1.id));
    const grantId = ask.json().grant.id as string;
    const credential = await call(townA, "POST", `/api/data/grants/${grantId}/credentials`);
    const write = await call(townA, "POST", "/api/data/write-keys", {
      providerUnitId: h.tenant.units.a1.id,
      name: "甲局业务系统",
    });
    expect(write.statusCode).toBe(201);
    // An intake key of the same unit is the administrator's business, not listed here.
    const intake = await issueApiKey(
      { db: h.database.db, tenantId: h.tenant.id, orgUnitId: h.tenant.units.a1.id, createdBy: "管理员" },
      { name: "12345 对接", scopes: ["tickets:write"] },
    );

    const mine = await listOf(townA);
    expect(mine.map((k) => k.id).sort()).toEqual([credential.json().keyId, write.json().keyId].sort());
    const read = mine.find((k) => k.kind === "read");
    expect(read).toMatchObject({
      unitId: h.tenant.units.a1.id,
      grant: { id: grantId, resourceCode: code, resourceName: "企业登记信息", status: "active", validTo: "2022-12-31" },
      revokedAt: null,
    });
    expect(mine.find((k) => k.kind === "write")).toMatchObject({ name: "甲局业务系统", grant: null });
    expect(JSON.stringify(mine)).not.toContain(credential.json().secret);
    expect(JSON.stringify(mine)).not.toContain(intake.row.id);
    // The provider's officer sees none of A's keys and cannot revoke them (404, as if absent).
    expect(await listOf(provider)).toEqual([]);
    const foreign = await call(provider, "POST", `/api/data/credentials/${write.json().keyId}/revoke`);
    expect(foreign.statusCode).toBe(404);
    // Nor can A's officer revoke the intake key through this route.
    expect((await call(townA, "POST", `/api/data/credentials/${intake.row.id}/revoke`)).statusCode).toBe(404);

    const upload = () =>
      h.built.app.inject({
        method: "POST",
        url: `/api/data/resources/${code}/batches`,
        headers: { "x-api-key": write.json().secret },
        payload: { batchId: "k1", mode: "reject", rows: [] },
      });
    expect((await upload()).statusCode).not.toBe(401);
    const revoked = await call(townA, "POST", `/api/data/credentials/${write.json().keyId}/revoke`);
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json().revokedAt).not.toBeNull();
    expect((await upload()).statusCode).toBe(401);
    const audit = await queryRows<{ action: string }>(
      h.database.db,
      sql`select action from audit_log where entity_id = ${write.json().keyId} order by seq`,
    );
    expect(audit.map((a) => a.action)).toEqual(["api_key.create", "api_key.revoke"]);
  });
});
