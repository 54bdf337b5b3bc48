import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTenant, type TestTenant } from "../../../test/factories/tenant.factory.ts";
import { openOwnTestDatabase } from "../../../test/test-db.ts";
import type { Database } from "../../platform/db/client.ts";
import { queryRows } from "../../platform/db/rows.ts";
import { removePartialWorkOrders } from "./partial-cleanup.ts";

const DEMO_TICKETS = 8000;

/**
 * What a demo load killed part-way leaves: demo-numbered tickets with their events and contacts,
 * and (the load defers it on empty tables) no index on the contacts' ticket key.
 */
async function leavePartialLoad(database: Database, tenant: TestTenant): Promise<void> {
  const db = database.db;
  await db.execute(sql`insert into work_orders (id, tenant_id, external_no, kind, category, urgency, channel, title,
      content, status, unit_id, scope_path, received_at, accept_due_at, close_due_at)
    select md5('cleanup:' || g)::uuid, ${tenant.id}, 'GZ2022-' || lpad(g::text, 7, '0'), 'hotline', 'consult', 'normal',
      'city_12345', '演示', '演示', 'closed', ${tenant.units.a.id}, ${tenant.units.a.path}, now(), now(), now()
    from generate_series(1, ${DEMO_TICKETS}) g`);
  await db.execute(sql`insert into work_order_events (tenant_id, work_order_id, seq, action, to_status, actor_type, at)
    select w.tenant_id, w.id, s, 'receive', 'received', 'user', now()
    from work_orders w cross join generate_series(1, 3) s where w.tenant_id = ${tenant.id}`);
  await db.execute(sql`insert into work_order_contacts (id, tenant_id, work_order_id, name, phone)
    select md5('contact:' || w.id::text)::uuid, w.tenant_id, w.id, '张三', '13800000000'
    from work_orders w where w.tenant_id = ${tenant.id}`);
  await db.execute(sql`drop index if exists work_order_contacts_work_order_idx`);
  // A ticket someone registered by hand stays.
  await db.execute(sql`insert into work_orders (id, tenant_id, external_no, kind, category, urgency, channel, title,
      content, status, unit_id, scope_path, received_at, accept_due_at, close_due_at)
    values (md5('cleanup:own')::uuid, ${tenant.id}, null, 'hotline', 'consult', 'normal', 'phone', '来电', '来电',
      'received', ${tenant.units.a.id}, ${tenant.units.a.path}, now(), now(), now())`);
}

/** The longest the event loop went without running a macrotask while `work` ran. */
async function longestStall(work: Promise<unknown>): Promise<number> {
  let done = false;
  let last = performance.now();
  let worst = 0;
  const probe = new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      worst = Math.max(worst, now - last);
      last = now;
      if (done) {
        resolve();
      } else {
        setImmediate(tick);
      }
    };
    setImmediate(tick);
  });
  await work.finally(() => {
    done = true;
  });
  await probe;
  return worst;
}

describe("removePartialWorkOrders", () => {
  let own: Awaited<ReturnType<typeof openOwnTestDatabase>>;
  let tenant: TestTenant;
  beforeAll(async () => {
    own = await openOwnTestDatabase();
    tenant = await buildTenant(own.database.db);
    await leavePartialLoad(own.database, tenant);
  }, 120_000);
  afterAll(async () => {
    await own.database.db.execute(
      sql`create index if not exists work_order_contacts_work_order_idx on work_order_contacts (work_order_id)`,
    );
    await own.drop();
  });

  it("removes a killed load's tickets in short chunks, leaving the server time to answer between them", async () => {
    const db = own.database.db;
    const started = performance.now();
    let removed = 0;
    const stall = await longestStall(
      removePartialWorkOrders(db, tenant.id, 1000).then((n) => {
        removed = n;
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const [left] = await queryRows<{ demo: number; own: number; events: number; contacts: number }>(
      db,
      sql`select count(*) filter (where external_no is not null)::int as demo, count(*) filter (where external_no is null)::int as own,
        (select count(*)::int from work_order_events where tenant_id = ${tenant.id}) as events,
        (select count(*)::int from work_order_contacts where tenant_id = ${tenant.id}) as contacts
        from work_orders where tenant_id = ${tenant.id}`,
    );
    expect(removed).toBe(DEMO_TICKETS);
    expect(left).toEqual({ demo: 0, own: 1, events: 0, contacts: 0 });
    // One transaction of the whole load, checking each ticket's contacts by a full scan, held the
    // embedded server for minutes; each chunk here takes a fraction of a second.
    expect(stall).toBeLessThan(1000);
    expect(seconds).toBeLessThan(30);
  }, 300_000);
});
