import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTenant } from "../../../test/factories/tenant.factory.ts";
import { openTestDatabase } from "../../../test/test-db.ts";
import type { Database } from "../../platform/db/client.ts";
import { queryRows } from "../../platform/db/rows.ts";
import { logExchange, verifyExchangeChain } from "./exchange-log.service.ts";

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database.close();
});

/** A plain served call of the tenant's A1 on B1's resource. */
const served = (tenant: Awaited<ReturnType<typeof buildTenant>>, i: number, requestId: string) => ({
  tenantId: tenant.id,
  at: new Date(),
  consumerUnitId: tenant.units.a1.id,
  consumerPath: tenant.units.a1.path,
  providerPath: tenant.units.b1.path,
  grantId: null,
  resourceId: randomUUID(),
  resourceCode: "10101001-00001",
  fields: ["姓名"],
  filter: {},
  rowsReturned: i,
  requestId,
  outcome: "served" as const,
  reason: null,
});

/** A tenant with `n` logged calls whose texts exercise what JSON and the database may write differently. */
async function chainOf(n: number): Promise<string> {
  const tenant = await buildTenant(database.db);
  for (let i = 0; i < n; i++) {
    await logExchange(database.db, {
      tenantId: tenant.id,
      at: new Date(Date.UTC(2022, 9, 10, 2, 0, i, 7 * i)),
      consumerUnitId: tenant.units.a1.id,
      consumerPath: tenant.units.a1.path,
      providerPath: tenant.units.b1.path,
      grantId: i % 2 ? randomUUID() : null,
      resourceId: randomUUID(),
      resourceCode: "10101001-00001",
      fields: ["姓名", "身份证号", 'say "hi"'],
      // Keys in an order neither sorted nor jsonb's own (by length first).
      filter: { 村居名称: `新华"街"\n${i}`, b: "2", a: "\\1" },
      rowsReturned: 100 * i,
      requestId: `req-${i}\t✓`,
      outcome: i % 3 ? "served" : "refused",
      reason: i % 3 ? null : "授权已过期",
    });
  }
  return tenant.id;
}

/** Runs `change` with the append-only trigger lifted, as someone with the database's keys could. */
async function tamper(change: ReturnType<typeof sql>) {
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`alter table data_exchange_log disable trigger data_exchange_log_no_update_delete`);
    await tx.execute(change);
    await tx.execute(sql`alter table data_exchange_log enable trigger data_exchange_log_no_update_delete`);
  });
}

const idAt = async (tenantId: string, seq: number) =>
  (
    await queryRows<{ id: string }>(
      database.db,
      sql`select id::text as id from data_exchange_log where tenant_id = ${tenantId} and seq = ${seq}`,
    )
  )[0]?.id;

describe("exchange verify", () => {
  it("recomputes every link from the stored row, whatever the texts hold", async () => {
    const tenantId = await chainOf(10);
    expect(await verifyExchangeChain(database.db, tenantId)).toEqual({
      ok: true,
      checked: 10,
      firstBrokenId: null,
      reason: null,
    });
    // The database numbered and linked the rows itself.
    const links = await queryRows<{ seq: string; prev_hash: string; hash: string }>(
      database.db,
      sql`select seq, prev_hash, hash from data_exchange_log where tenant_id = ${tenantId} order by seq`,
    );
    expect(links.map((l) => Number(l.seq))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(links.every((l, i) => l.prev_hash === (links[i - 1]?.hash ?? "") && /^[0-9a-f]{64}$/.test(l.hash))).toBe(
      true,
    );
  });

  it("keeps the chain whole when calls are logged concurrently", async () => {
    const tenant = await buildTenant(database.db);
    await Promise.all(Array.from({ length: 8 }, (_, i) => logExchange(database.db, served(tenant, i, `c-${i}`))));
    expect(await verifyExchangeChain(database.db, tenant.id)).toMatchObject({ ok: true, checked: 8 });
  });

  it("appends calls that arrive together in their order; a failed append fails only its own calls", async () => {
    const tenant = await buildTenant(database.db);
    const entry = (i: number, requestId = `g-${i}`) => served(tenant, i, requestId);
    // The first call is written alone; the next five arrive while it is, and go in one statement.
    await Promise.all([0, 1, 2, 3, 4, 5].map((i) => logExchange(database.db, entry(i))));
    const order = await queryRows<{ request_id: string }>(
      database.db,
      sql`select request_id from data_exchange_log where tenant_id = ${tenant.id} order by seq`,
    );
    expect(order.map((r) => r.request_id)).toEqual(["g-0", "g-1", "g-2", "g-3", "g-4", "g-5"]);
    // A call the database refuses (a NUL byte, which PostgreSQL text cannot hold) fails its own
    // statement's calls only: the next call is written and the chain still verifies.
    const bad = logExchange(database.db, entry(6, "bad\u0000id"));
    await expect(bad).rejects.toThrow();
    await logExchange(database.db, entry(7));
    expect(await verifyExchangeChain(database.db, tenant.id)).toMatchObject({ ok: true, checked: 7 });
  });

  it("finds a deleted row", async () => {
    const tenantId = await chainOf(10);
    const after = await idAt(tenantId, 5);
    await tamper(sql`delete from data_exchange_log where tenant_id = ${tenantId} and seq = 4`);
    const result = await verifyExchangeChain(database.db, tenantId);
    expect(result).toMatchObject({ ok: false, checked: 3, firstBrokenId: after });
    expect(result.reason).toContain("第 3 条之后是第 5 条");
  });

  it("finds a deleted tail from the chain's head", async () => {
    const tenantId = await chainOf(6);
    await tamper(sql`delete from data_exchange_log where tenant_id = ${tenantId} and seq > 4`);
    const result = await verifyExchangeChain(database.db, tenantId);
    expect(result).toMatchObject({ ok: false, checked: 4 });
    expect(result.reason).toContain("末尾记录被删除");
  });

  it("finds a forged row slipped in past the head with a valid hash (the triggers off)", async () => {
    const tenantId = await chainOf(4);
    // A copy of the last row as row 5, linked and hashed right, but written around the insert trigger.
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`alter table data_exchange_log disable trigger data_exchange_log_link`);
      await tx.execute(sql`alter table data_exchange_log disable trigger data_exchange_log_no_update_delete`);
      await tx.execute(sql`insert into data_exchange_log
        select gen_random_uuid(), tenant_id, 5, at, consumer_unit_id, consumer_path, provider_path, grant_id,
               resource_id, resource_code, fields, filter, 1, 'forged', outcome, reason, hash, ''
        from data_exchange_log where tenant_id = ${tenantId} and seq = 4`);
      await tx.execute(sql`update data_exchange_log set hash = exchange_link_hash(data_exchange_log)
        where tenant_id = ${tenantId} and seq = 5`);
      await tx.execute(sql`alter table data_exchange_log enable trigger data_exchange_log_no_update_delete`);
      await tx.execute(sql`alter table data_exchange_log enable trigger data_exchange_log_link`);
    });
    const result = await verifyExchangeChain(database.db, tenantId);
    expect(result).toMatchObject({ ok: false, checked: 5 });
    expect(result.reason).toContain("不在链上");
  });
});
