import { type SQL, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openOwnTestDatabase } from "../../../test/test-db.ts";
import { systemClock } from "../../platform/clock.ts";
import type { Database, Db } from "../../platform/db/client.ts";
import { queryRows } from "../../platform/db/rows.ts";
import { findTenantByCode } from "../tenants/tenants.repo.ts";
import { loadDemoBase } from "./demo.service.ts";
import { hallYear } from "./demo-hall.ts";
import { insertEventsAndContacts, placesAndUnits, prepareBulkTransaction } from "./demo-work-orders.ts";
import { type Batch, batchPlan, insertBatch } from "./ticket-batch.ts";

let database: Database;
let drop: () => Promise<void> = async () => {};
let tenantId = "";

/** A digest of rows as JSON, without the columns the database fills itself (serials, now()). */
async function digest(db: Db, table: string, where: SQL, own: string[] = []): Promise<{ n: number; hash: string }> {
  const row = sql.join([sql`to_jsonb(t)`, ...own.map((c) => sql`${c}::text`)], sql` - `);
  const [got] = await queryRows<{ n: number; hash: string }>(
    db,
    sql`select count(*)::int as n, md5(coalesce(string_agg(j, '|' order by j), '')) as hash
        from (select (${row})::text as j from ${sql.identifier(table)} t where ${where}) x`,
  );
  return { n: Number(got?.n ?? 0), hash: got?.hash ?? "" };
}

beforeAll(async () => {
  ({ database, drop } = await openOwnTestDatabase());
  await loadDemoBase(database.db, systemClock, "440114", () => {});
  tenantId = (await findTenantByCode(database.db, "440114"))?.id ?? "";
}, 120_000);
afterAll(() => drop());

describe("the demo generator is deterministic for a seed", () => {
  it("writes the same work orders, events and contacts for the same seed, others for another", async () => {
    const db = database.db;
    const { places, units } = await placesAndUnits(db, tenantId);
    const batch: Batch = {
      key: "DET",
      kind: "hotline",
      channel: "city_12345",
      categories: [
        ["consult", 2],
        ["complaint", 1],
      ],
      days: [
        ["2022-03-01", 60],
        ["2022-03-02", 50],
      ],
      late: 7,
      praise: 3,
      open: 4,
      unreachablePerMille: 20,
      townShare: 50,
    };
    const plan = batchPlan(batch);
    const ours = sql`work_order_id in (select id from work_orders where external_no like 'DET-%')`;
    const run = async (seed: string) => {
      await db.transaction(async (tx) => {
        await prepareBulkTransaction(tx);
        await insertBatch(tx, tenantId, seed, batch, plan, plan.days, places, units);
        await insertEventsAndContacts(tx, tenantId, batch.key, seed, [1, plan.n]);
      });
      const got = {
        orders: await digest(db, "work_orders", sql`external_no like 'DET-%'`, ["seq_no", "created_at"]),
        events: await digest(db, "work_order_events", ours, ["id"]),
        contacts: await digest(db, "work_order_contacts", ours, ["created_at"]),
      };
      await db.transaction(async (tx) => {
        await tx.execute(sql`delete from work_order_events where ${ours}`);
        await tx.execute(sql`delete from work_order_contacts where ${ours}`);
        await tx.execute(sql`delete from work_orders where external_no like 'DET-%'`);
      });
      return got;
    };
    const first = await run("seed-a");
    expect(first.orders.n).toBe(110);
    expect(first.events.n).toBeGreaterThan(600);
    expect(await run("seed-a")).toEqual(first);
    const other = await run("seed-b");
    expect(other.orders.n).toBe(110);
    expect(other.orders.hash).not.toBe(first.orders.hash);
    expect(other.contacts.hash).not.toBe(first.contacts.hash);
  });

  it("writes the same visitors, cases, bookings and ratings of the centre's first days for the same seed", async () => {
    const db = database.db;
    const run = async (seed: string) => {
      const year = await hallYear(db, tenantId, seed);
      const chunk = year.chunks[0] ?? [];
      await year.writeChunk(chunk, 0);
      const hall = sql`hall_id = ${year.layout.hall.id}`;
      const got = {
        tickets: await digest(db, "queue_tickets", hall),
        cases: await digest(db, "service_cases", hall),
        bookings: await digest(db, "bookings", hall),
        ratings: await digest(
          db,
          "ratings",
          sql`subject_id in (select id from service_cases where ${hall}) and subject_kind = 'service_case'`,
        ),
      };
      await db.transaction(async (tx) => {
        await tx.execute(sql`delete from ratings where subject_kind = 'service_case'
            and subject_id in (select id from service_cases where ${hall})`);
        for (const table of ["service_cases", "queue_tickets", "bookings"]) {
          await tx.execute(sql`delete from ${sql.identifier(table)} where ${hall}`);
        }
        await tx.execute(sql`delete from appointment_slots where ${hall} and day <= ${chunk.at(-1)?.day ?? ""}::date
            and day >= ${chunk[0]?.day ?? ""}::date`);
        await tx.execute(sql`delete from queue_counters where group_id in (select id from window_groups where ${hall})
            and day <= ${chunk.at(-1)?.day ?? ""}::date and day >= ${chunk[0]?.day ?? ""}::date`);
      });
      return got;
    };
    const first = await run("seed-a");
    expect(first.tickets.n).toBeGreaterThan(2000);
    expect(first.cases.n).toBeGreaterThan(first.tickets.n);
    expect(first.ratings.n).toBeGreaterThan(500);
    expect(await run("seed-a")).toEqual(first);
    const other = await run("seed-b");
    expect(other.tickets.n).toBe(first.tickets.n);
    expect(other.tickets.hash).not.toBe(first.tickets.hash);
    expect(other.cases.hash).not.toBe(first.cases.hash);
  });

  it("keeps every budget project executed in full with its indicators met (as the seed states), by varied paths", async () => {
    const projects = await queryRows<{
      budget: number;
      executed: number;
      months: number;
      spread: number;
      q1: number;
      satisfaction: number;
      unmet: number;
    }>(
      database.db,
      sql`select p.budget_fen::float8 as budget, p.executed_fen::float8 as executed,
            (select coalesce(sum(m.executed_fen), 0)::float8 from budget_project_months m where m.project_id = p.id) as months,
            (select count(*)::int from budget_project_months m where m.project_id = p.id) as spread,
            (select coalesce(sum(m.executed_fen), 0)::float8 from budget_project_months m where m.project_id = p.id and m.month <= 3) as q1,
            (select max(i.actual) from performance_indicators i where i.project_id = p.id and i.category = 'satisfaction') as satisfaction,
            (select count(*)::int from performance_indicators i where i.project_id = p.id and i.actual < i.target) as unmet
          from budget_projects p where p.level = 2`,
    );
    expect(projects.length).toBe(25);
    for (const p of projects) {
      expect(p.executed).toBe(p.budget);
      expect(p.months).toBe(p.executed);
      expect(p.spread).toBe(12);
      expect(p.unmet).toBe(0);
    }
    // Not one shape for all: first-quarter shares and satisfaction results differ by project.
    const q1 = new Set(projects.map((p) => (p.q1 / p.executed).toFixed(2)));
    expect(q1.size).toBeGreaterThan(5);
    expect(new Set(projects.map((p) => p.satisfaction)).size).toBeGreaterThan(3);
  });
});
