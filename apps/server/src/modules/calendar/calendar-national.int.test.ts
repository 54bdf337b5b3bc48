import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { setUpHarness } from "../../../test/harness.ts";
import { systemClock } from "../../platform/clock.ts";
import { auditLog } from "../audit/audit.schema.ts";
import { verifyAuditChain } from "../audit/audit.service.ts";
import { readCalendarRows } from "./calendar.repo.ts";
import { setNationalCalendarDays } from "./calendar.service.ts";

const h = setUpHarness();

describe("national calendar (zhengwu calendar set)", () => {
  it("records the change in every tenant's audit chain, with the operator as actor", async () => {
    // National days are every tenant's: a year no other test writes, so a test reading its own
    // tenant's 2098 on the shared PostgreSQL server never meets this one.
    const day = { day: "2096-10-08", kind: "workday" as const, name: "国庆调休" };
    const { tenantsAudited } = await setNationalCalendarDays(h.database.db, systemClock, [day], "命令行");
    expect(tenantsAudited).toBeGreaterThanOrEqual(1);
    const rows = await h.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, h.tenant.id), eq(auditLog.action, "calendar.national_update")));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.actorType).toBe("system");
    expect(rows[0]?.actorName).toBe("命令行");
    expect(rows[0]?.scopePath).toBe(h.tenant.units.root.path);
    expect(JSON.stringify(rows[0]?.summary)).toContain("2096-10-08 workday 国庆调休");
    expect((await verifyAuditChain(h.database.db, h.tenant.id)).ok).toBe(true);
    const year = await readCalendarRows(h.database.db, h.tenant.id, 2096);
    expect(year.find((r) => r.day === "2096-10-08")).toMatchObject({ kind: "workday", source: "operator" });
  });
});
