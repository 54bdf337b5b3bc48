import { type SQL, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openOwnTestDatabase } from "../../../test/test-db.ts";
import { systemClock } from "../../platform/clock.ts";
import type { Database, Db } from "../../platform/db/client.ts";
import { queryRows } from "../../platform/db/rows.ts";
import { verifyExchangeChain } from "../data-sharing/exchange-log.service.ts";
import { findTenantByCode } from "../tenants/tenants.repo.ts";
import { createTenantFromCode } from "../tenants/tenants.service.ts";
import { DEMO_SEED, loadDemoBase } from "./demo.service.ts";
import { loadDemoDataSharing } from "./demo-data.ts";
import { VILLAGE_CATEGORY_NAMES } from "./demo-data-village.ts";

let database: Database;
let drop: () => Promise<void> = async () => {};
let tenantId = "";
const lines: string[] = [];

const one = async <T extends Record<string, unknown>>(db: Db, q: SQL): Promise<T> => {
  const [row] = await queryRows<T>(db, q);
  if (!row) {
    throw new Error("no row");
  }
  return row;
};

/** What the demo holds, as counts and digests the same seed must reproduce. */
async function fingerprint(db: Db, tenant: string) {
  return one<{ resources: string; batches: string; exchange: string; systems: string }>(
    db,
    sql`select
      (select md5(string_agg(code || ':' || name || ':' || scope_path, '|' order by code)) from data_resources where tenant_id = ${tenant}) as resources,
      (select md5(string_agg(r.code || ':' || b.batch_id || ':' || b.accepted, '|' order by r.code, b.batch_id))
         from data_batches b join data_resources r on r.id = b.resource_id where b.tenant_id = ${tenant}) as batches,
      (select md5(string_agg(resource_code || ':' || at::text || ':' || rows_returned || ':' || outcome, '|' order by seq))
         from data_exchange_log where tenant_id = ${tenant}) as exchange,
      (select md5(string_agg(name || ':' || on_gov_cloud, '|' order by name)) from data_systems where tenant_id = ${tenant}) as systems`,
  );
}

beforeAll(async () => {
  ({ database, drop } = await openOwnTestDatabase());
  await loadDemoBase(database.db, systemClock, "440114", (m) => lines.push(m));
  tenantId = (await findTenantByCode(database.db, "440114"))?.id ?? "";
}, 180_000);
afterAll(() => drop());

describe("the demo's data sharing", () => {
  it("holds the 2022 report's figures: 21 亿条 aggregated, 超过 10 亿条 shared, 109 systems on the 政务云, 20 城中村 categories", async () => {
    const db = database.db;
    const f = await one<{
      agg: string;
      served: string;
      cloud: number;
      offCloud: number;
      village: number;
      perTown: number;
    }>(
      db,
      sql`select
        (select sum(accepted)::text from data_batches where tenant_id = ${tenantId}
           and received_at >= '2022-01-01T00:00:00+08:00' and received_at < '2023-01-01T00:00:00+08:00') as agg,
        (select sum(rows_returned)::text from data_exchange_log where tenant_id = ${tenantId} and outcome = 'served'
           and at >= '2022-01-01T00:00:00+08:00' and at < '2023-01-01T00:00:00+08:00') as served,
        (select count(*)::int from data_systems where tenant_id = ${tenantId} and on_gov_cloud) as cloud,
        (select count(*)::int from data_systems where tenant_id = ${tenantId} and not on_gov_cloud) as "offCloud",
        (select count(distinct name)::int from data_resources where tenant_id = ${tenantId} and subclass = '城中村治理') as village,
        (select count(distinct provider_unit_id)::int from data_resources where tenant_id = ${tenantId} and subclass = '城中村治理') as "perTown"`,
    );
    expect(Number(f.agg)).toBeGreaterThanOrEqual(2_100_000_000);
    expect(Number(f.agg)).toBeLessThan(2_105_000_000);
    expect(Number(f.served)).toBeGreaterThan(1_000_000_000);
    expect(Number(f.served)).toBeLessThan(1_050_000_000);
    expect(f.cloud).toBe(109);
    expect(f.offCloud).toBeGreaterThanOrEqual(8);
    expect(f.offCloud).toBeLessThanOrEqual(15);
    expect(f.village).toBe(20);
    expect(VILLAGE_CATEGORY_NAMES).toHaveLength(20);
    // Every town and street provides each category.
    const towns = await one<{ n: number }>(
      db,
      sql`select count(*)::int as n from org_units where tenant_id = ${tenantId} and kind in ('town', 'street')`,
    );
    expect(f.perTown).toBe(towns.n);
    expect(lines.some((l) => l.includes("政务云 109 个"))).toBe(true);
  });

  it("has a resource for every 免提交 material's source, and no personal field in an open resource", async () => {
    const db = database.db;
    const sources = await queryRows<{ source: string; matched: boolean }>(
      db,
      sql`select distinct m.exempt_data_source as source,
                 exists (select 1 from data_resources r where r.tenant_id = m.tenant_id and r.name = m.exempt_data_source) as matched
          from catalog_material_versions m join catalog_item_versions v on v.id = m.item_version_id
          where m.tenant_id = ${tenantId} and v.valid_to is null and m.exempt_data_source is not null`,
    );
    expect(sources.length).toBeGreaterThanOrEqual(12);
    expect(sources.filter((s) => !s.matched)).toEqual([]);
    const open = await queryRows<{ code: string; personal: number; rows: number }>(
      db,
      sql`select r.code,
                 (select count(*)::int from jsonb_array_elements(r.fields) f where (f->>'personal')::boolean) as personal,
                 (select count(*)::int from data_rows d where d.resource_id = r.id) as rows
          from data_resources r where r.tenant_id = ${tenantId} and r.open_type = 'unconditional'`,
    );
    expect(open.length).toBeGreaterThanOrEqual(5);
    expect(open.every((o) => o.personal === 0 && o.rows >= 10)).toBe(true);
  });

  it("writes an exchange chain that verifies, with refused calls and pending and refused requests", async () => {
    const db = database.db;
    const verified = await verifyExchangeChain(db, tenantId);
    expect(verified).toMatchObject({ ok: true, reason: null });
    expect(verified.checked).toBeGreaterThan(1000);
    const s = await one<{ pending: number; refused: number; refusedCalls: number }>(
      db,
      sql`select
        (select count(*)::int from data_requests where tenant_id = ${tenantId} and status = 'pending') as pending,
        (select count(*)::int from data_requests where tenant_id = ${tenantId} and status = 'refused') as refused,
        (select count(*)::int from data_exchange_log where tenant_id = ${tenantId} and outcome = 'refused') as "refusedCalls"`,
    );
    expect(s.pending).toBeGreaterThan(0);
    expect(s.refused).toBeGreaterThan(0);
    expect(s.refusedCalls).toBeGreaterThan(0);
  });

  it("gives 授权与凭证 the credentials the traffic was served to and the providers' write keys", async () => {
    const k = await one<{ read: number; used: number; stale: number; orphan: number; write: number }>(
      database.db,
      sql`select
        (select count(*)::int from api_keys where tenant_id = ${tenantId} and 'data:read' = any(scopes)) as read,
        (select count(distinct grant_id)::int from data_exchange_log where tenant_id = ${tenantId}) as used,
        (select count(*)::int from api_keys k where tenant_id = ${tenantId} and 'data:read' = any(scopes)
           and last_used_at <> (select max(at) from data_exchange_log l where l.grant_id = k.grant_id)) as stale,
        (select count(*)::int from api_keys k where tenant_id = ${tenantId} and 'data:read' = any(scopes)
           and not exists (select 1 from data_grants g where g.id = k.grant_id and g.consumer_unit_id = k.org_unit_id)) as orphan,
        (select count(*)::int from api_keys where tenant_id = ${tenantId} and 'data:write' = any(scopes)) as write`,
    );
    expect(k.read).toBe(k.used);
    expect(k.read).toBeGreaterThan(10);
    expect(k.stale).toBe(0);
    expect(k.orphan).toBe(0);
    expect(k.write).toBeGreaterThan(5);
  });

  it("is kept on a second load, and the same seed writes the same catalog, batches and traffic", async () => {
    const db = database.db;
    const before = await fingerprint(db, tenantId);
    await loadDemoBase(db, systemClock, "440114", () => {});
    expect(await fingerprint(db, tenantId)).toEqual(before);

    const other = await openOwnTestDatabase();
    try {
      const { tenant } = await createTenantFromCode(other.database.db, "440114", systemClock);
      expect(await loadDemoDataSharing(other.database.db, systemClock, tenant.id, DEMO_SEED, () => {})).toBe(true);
      const again = await fingerprint(other.database.db, tenant.id);
      // Org unit ids differ between databases: compare what does not carry them.
      expect({ ...again, resources: null }).toEqual({ ...before, resources: null });
      const codes = async (d: Db, t: string) =>
        (
          await queryRows<{ code: string }>(
            d,
            sql`select code from data_resources where tenant_id = ${t} order by code`,
          )
        ).map((r) => r.code);
      expect(await codes(other.database.db, tenant.id)).toEqual(await codes(db, tenantId));
    } finally {
      await other.drop();
    }
  }, 120_000);
});
