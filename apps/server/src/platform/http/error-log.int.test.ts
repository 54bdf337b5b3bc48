import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildHall, buildIdNumber, movableClock } from "../../../test/factories/hall.factory.ts";
import { setUpHarness } from "../../../test/harness.ts";
import { buildApp } from "../../app.ts";
import { findSlots } from "../../modules/appointments/halls.repo.ts";
import { loadConfig } from "../config.ts";

const clock = movableClock("2025-03-03T08:30:00+08:00");
const h = setUpHarness({ clock });
const PHONE = "13912348765";

describe("the error log", () => {
  let slotId = "";
  // The trigger fails only this test's tenant: other files may share the PostgreSQL server.
  const trigger = `zw_fail_bookings_${Math.random().toString(36).slice(2, 8)}`;
  beforeAll(async () => {
    const hall = await buildHall(h.database.db, h.tenant.id, h.tenant.units.a1.id, clock, { capacity: 10 });
    const slots = await findSlots(h.database.db, hall.id, {
      groupId: hall.groups[0]?.id,
      fromDay: "2025-03-04",
      toDay: "2025-03-04",
    });
    slotId = slots[0]?.id ?? "";
    await h.database.db.execute(
      sql.raw(`create function ${trigger}() returns trigger language plpgsql as $$
        begin
          if new.tenant_id = '${h.tenant.id}' then raise exception 'disk full'; end if;
          return new;
        end $$`),
    );
    await h.database.db.execute(
      sql.raw(`create trigger ${trigger} before insert on bookings for each row execute function ${trigger}()`),
    );
  });
  afterAll(async () => {
    await h.database.db.execute(sql.raw(`drop trigger if exists ${trigger} on bookings`));
    await h.database.db.execute(sql.raw(`drop function if exists ${trigger}()`));
  });

  for (const level of ["error", "debug", "trace"] as const) {
    it(`never holds a failed query's bound parameters or the request body (LOG_LEVEL=${level})`, async () => {
      const lines: string[] = [];
      const config = loadConfig({ NODE_ENV: "test", LOG_LEVEL: level });
      const { app } = await buildApp({
        database: h.database,
        config,
        clock,
        logStream: { write: (line: string) => void lines.push(line) },
      });
      try {
        const idNumber = buildIdNumber();
        const res = await app.inject({
          method: "POST",
          url: "/api/public/bookings",
          payload: { slotId, itemCode: "I-A1", personName: "王小明", idNumber, phone: PHONE },
        });
        expect(res.statusCode, res.body).toBe(500);
        const log = lines.join("");
        expect(log).not.toContain(idNumber);
        expect(log).not.toContain(idNumber.slice(0, 17));
        expect(log).not.toContain(PHONE);
        expect(log).not.toContain("王小明");
        expect(log).not.toMatch(/params/i);
        expect(res.body).not.toContain(idNumber);
        // The failure is still logged, with what helps: the SQLSTATE of the raised exception.
        expect(log).toContain("unhandled error");
        expect(log).toContain("P0001");
      } finally {
        await app.close();
      }
    });
  }
});
