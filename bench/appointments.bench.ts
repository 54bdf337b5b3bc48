import { sql } from "drizzle-orm";
import { buildApp } from "../apps/server/src/app.ts";
import { loadHallDemo } from "../apps/server/src/modules/appointments/demo.ts";
import { runSlotGeneration } from "../apps/server/src/modules/appointments/slots.job.ts";
import { createTenantFromCode } from "../apps/server/src/modules/tenants/tenants.service.ts";
import { fixedClock } from "../apps/server/src/platform/clock.ts";
import { loadConfig } from "../apps/server/src/platform/config.ts";
import { type Database, openPglite, openPostgres } from "../apps/server/src/platform/db/client.ts";
import { migrateDatabase } from "../apps/server/src/platform/db/migrate.ts";
import { queryRows } from "../apps/server/src/platform/db/rows.ts";
import { idCheckChar } from "../packages/contracts/src/id-number.ts";
import { createBenchDatabase, percentile } from "./support.ts";

// Monday 3 March 2025, 08:00 Beijing time: a normal working week ahead.
const clock = fixedClock("2025-03-03T08:00:00+08:00");
let person = 0;
function nextId(): string {
  person += 1;
  const first17 = `440114${1950 + (person % 50)}${String((person % 12) + 1).padStart(2, "0")}${String((person % 28) + 1).padStart(2, "0")}${String(Math.floor(person / 2100) % 1000).padStart(3, "0")}`;
  // Distinct per call: year, month and day repeat every 2,100 people, the sequence digits count those rounds.
  return `${first17}${idCheckChar(first17)}`;
}

type Result = { rate: number; p50: number; p99: number; ok: number; full: number; other: number };

/** `total` booking requests from `workers` concurrent clients; each picks its slot with `slotFor`. */
async function run(
  app: Awaited<ReturnType<typeof buildApp>>["app"],
  total: number,
  workers: number,
  slotFor: (i: number) => string,
): Promise<Result> {
  const lat: number[] = [];
  let ok = 0;
  let full = 0;
  let other = 0;
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (next < total) {
        const i = next++;
        const s = performance.now();
        const res = await app.inject({
          method: "POST",
          url: "/api/public/bookings",
          payload: {
            slotId: slotFor(i),
            itemCode: "GD-0001",
            personName: "压测",
            idNumber: nextId(),
            phone: "13800138000",
          },
        });
        lat.push(performance.now() - s);
        if (res.statusCode === 201) {
          ok++;
        } else if (res.statusCode === 409 && res.json().error.details?.code === "slot_full") {
          full++;
        } else {
          other++;
        }
      }
    }),
  );
  const secs = (performance.now() - t0) / 1000;
  lat.sort((a, b) => a - b);
  return { rate: total / secs, p50: percentile(lat, 50), p99: percentile(lat, 99), ok, full, other };
}

async function measure(database: Database, label: string) {
  await migrateDatabase(database);
  const { tenant } = await createTenantFromCode(database.db, "440114", clock);
  let t = performance.now();
  const halls = await loadHallDemo(database.db, clock, tenant.id);
  const hallSetupMs = performance.now() - t;
  t = performance.now();
  const gen = await runSlotGeneration(database.db, clock, 30);
  const genMs = performance.now() - t;
  const [{ n: slotCount } = { n: 0 }] = await queryRows<{ n: number }>(
    database.db,
    sql`select count(*)::int as n from appointment_slots`,
  );
  const slots = await queryRows<{ id: string }>(
    database.db,
    sql`select s.id from appointment_slots s join window_groups g on g.id = s.group_id join halls h on h.id = s.hall_id
        where h.level = 'district' and g.prefix = 'A' and s.day = '2025-03-04' order by s.starts_at`,
  );
  const one = slots[0]?.id ?? "";
  await database.db.execute(sql`update appointment_slots set capacity = 500 where id = ${one}`);
  await database.db.execute(
    sql`update appointment_slots set capacity = 1000 where id in (select s.id from appointment_slots s join halls h on h.id = s.hall_id where h.level = 'district' and s.day = '2025-03-05')`,
  );
  const spread = await queryRows<{ id: string }>(
    database.db,
    sql`select s.id from appointment_slots s join window_groups g on g.id = s.group_id join halls h on h.id = s.hall_id
        where h.level = 'district' and g.prefix = 'A' and s.day = '2025-03-05' order by s.starts_at`,
  );
  const { app } = await buildApp({
    database,
    config: loadConfig({ NODE_ENV: "production", LOG_LEVEL: "silent" }),
    clock,
    logger: false,
  });
  await run(app, 100, 8, () => spread[0]?.id ?? ""); // warm-up
  const contention = await run(app, 1000, 32, () => one);
  const spreadOut = await run(app, 2000, 32, (i) => spread[(i % (spread.length - 1)) + 1]?.id ?? "");
  await app.close();
  return { label, halls, hallSetupMs, gen, genMs, slotCount, contention, spreadOut };
}

export async function benchAppointments(): Promise<string> {
  const results = [];
  const pglite = await openPglite(undefined);
  try {
    results.push(await measure(pglite, "PGlite 0.5 (in-process)"));
  } finally {
    await pglite.close();
  }
  const db = createBenchDatabase("zhengwu_bench_appt");
  try {
    const pg = await openPostgres(db.url, 10);
    try {
      results.push(await measure(pg, "PostgreSQL 15 (pool of 10)"));
    } finally {
      await pg.close();
    }
  } finally {
    db.drop();
  }
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  const rows = results.flatMap((r) => [
    `| ${r.label} | one slot (capacity 500), 1,000 requests, 32 clients | ${r.contention.rate.toFixed(0)} req/s | ${ms(r.contention.p50)} | ${ms(r.contention.p99)} | ${r.contention.ok} booked, ${r.contention.full} "slot full", ${r.contention.other} other |`,
    `| ${r.label} | spread over a day's slots, 2,000 requests, 32 clients | ${r.spreadOut.rate.toFixed(0)} req/s | ${ms(r.spreadOut.p50)} | ${ms(r.spreadOut.p99)} | ${r.spreadOut.ok} booked, ${r.spreadOut.full} "slot full", ${r.spreadOut.other} other |`,
  ]);
  const gens = results.map(
    (r) =>
      `| ${r.label} | ${r.halls} halls set up in ${(r.hallSetupMs / 1000).toFixed(1)} s | ${r.gen.created.toLocaleString("en")} slots for 30 working days in ${(r.genMs / 1000).toFixed(2)} s | < 5 s | ${r.genMs < 5000 ? "met" : "NOT met"} |`,
  );
  return `## Appointments: booking under contention and slot generation

Bookings go through the real HTTP app in-process (\`app.inject\`: routing, zod validation, ID-number
check, limits, the conditional slot UPDATE, the per-person upsert, the booking row and a hash-chained
audit entry in one transaction). The Huadu demo tenant: the district centre, 10 town/street halls and
261 village/community stations. Every run ends with exactly the slot's capacity booked, never more.

| database | load | throughput | p50 | p99 | outcome |
| --- | --- | --- | --- | --- | --- |
${rows.join("\n")}

| database | halls | slot generation (all halls, next 30 working days, statutory calendar) | target | |
| --- | --- | --- | --- | --- |
${gens.join("\n")}`;
}
