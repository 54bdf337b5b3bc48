import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { buildTenant, type TestTenant } from "../../../test/factories/tenant.factory.ts";
import { openTestDatabase } from "../../../test/test-db.ts";
import type { SystemActor } from "../../platform/actor.ts";
import { systemClock } from "../../platform/clock.ts";
import type { Database } from "../../platform/db/client.ts";
import { queryRows } from "../../platform/db/rows.ts";
import { recordAudit, verifyAuditChain } from "./audit.service.ts";

let database: Database;
let tenant: TestTenant;
let ids: number[];

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => database.close());

beforeEach(async () => {
  tenant = await buildTenant(database.db);
  const actor: SystemActor = { kind: "system", tenantId: tenant.id, name: "测试" };
  for (let i = 0; i < 5; i++) {
    await recordAudit(
      { db: database.db, actor, clock: systemClock, requestId: `r${i}` },
      {
        action: "test.event",
        entityType: "thing",
        entityId: "one-entity", // one entity's entries share a chain
        scopePath: tenant.units.a.path,
        summary: { i, nested: { z: 1, a: [1, 2] } },
      },
    );
  }
  const rows = await queryRows<{ id: number }>(
    database.db,
    sql`select id from audit_log where tenant_id = ${tenant.id} order by seq`,
  );
  ids = rows.map((r) => Number(r.id));
});

/** Tampering by hand means getting past the append-only trigger first. */
async function tamper(statement: ReturnType<typeof sql>) {
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`alter table audit_log disable trigger audit_log_no_update_delete`);
    await tx.execute(statement);
    await tx.execute(sql`alter table audit_log enable trigger audit_log_no_update_delete`);
  });
}

describe("audit hash chain", () => {
  it("verifies an untouched chain", async () => {
    expect(await verifyAuditChain(database.db, tenant.id)).toEqual({
      ok: true,
      checked: 5,
      firstBrokenId: null,
      reason: null,
    });
  });

  it("keeps every chain intact under 60 concurrent writers on many entities", async () => {
    const actor: SystemActor = { kind: "system", tenantId: tenant.id, name: "并发" };
    await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        database.db.transaction((tx) =>
          recordAudit(
            { db: tx, actor, clock: systemClock, requestId: `c${i}` },
            { action: "test.concurrent", entityType: "thing", entityId: `e${i % 20}`, summary: { i } },
          ),
        ),
      ),
    );
    expect(await verifyAuditChain(database.db, tenant.id)).toMatchObject({ ok: true, checked: 65 });
  });

  it("refuses updates and deletes through the append-only trigger", async () => {
    await expect(database.db.execute(sql`update audit_log set action = 'x' where id = ${ids[0]}`)).rejects.toThrow();
    await expect(database.db.execute(sql`delete from audit_log where id = ${ids[0]}`)).rejects.toThrow();
  });

  it("names the edited row as the first broken link", async () => {
    await tamper(sql`update audit_log set summary = '{"i": 99}'::jsonb where id = ${ids[2]}`);
    const result = await verifyAuditChain(database.db, tenant.id);
    expect(result.ok).toBe(false);
    expect(result.firstBrokenId).toBe(ids[2]);
    expect(result.checked).toBe(2);
  });

  it("names the row after a deleted one", async () => {
    await tamper(sql`delete from audit_log where id = ${ids[1]}`);
    const result = await verifyAuditChain(database.db, tenant.id);
    expect(result.ok).toBe(false);
    expect(result.firstBrokenId).toBe(ids[2]);
  });

  it("notices a deleted tail through the head kept on the tenant", async () => {
    await tamper(sql`delete from audit_log where id = ${ids[4]}`);
    const result = await verifyAuditChain(database.db, tenant.id);
    expect(result.ok).toBe(false);
    expect(result.reason).toContain("末尾");
  });

  it("detects a re-hashed forgery that does not chain to the next row", async () => {
    await tamper(sql`update audit_log set hash = repeat('0', 64) where id = ${ids[3]}`);
    const result = await verifyAuditChain(database.db, tenant.id);
    expect(result.firstBrokenId).toBe(ids[3]);
  });
});
