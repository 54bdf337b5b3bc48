import { describe, expect, it } from "vitest";
import { DEFAULT_APPOINTMENT_SETTINGS } from "../../../../packages/contracts/src/appointments.ts";
import { buildTenant } from "../../test/factories/tenant.factory.ts";
import { buildUser } from "../../test/factories/user.factory.ts";
import { setUpHarness } from "../../test/harness.ts";
import { authHeaders } from "../../test/test-app.ts";
import { readCalendarExceptions } from "../modules/calendar/calendar.repo.ts";

const h = setUpHarness();
const SLA_BODY = {
  acceptValue: 1,
  acceptUnit: "wd",
  closeValue: 10,
  closeUnit: "wd",
  warnHours: 24,
  maxExtensions: 1,
  superviseAfterWd: 1,
  notifyAfterWd: 3,
};

describe("tenant-wide settings need a grant on the tenant root", () => {
  it("booking rules: a department admin is refused, the district admin may", async () => {
    const deptAdmin = await buildUser(h.database.db, h.tenant.id, h.tenant.units.a.id, ["admin"]);
    const rootAdmin = await buildUser(h.database.db, h.tenant.id, h.tenant.units.root.id, ["admin"]);
    const put = (u: typeof deptAdmin) =>
      h.built.app.inject({
        method: "PUT",
        url: "/api/appointments/settings",
        headers: authHeaders(u),
        payload: DEFAULT_APPOINTMENT_SETTINGS,
      });
    expect((await put(deptAdmin)).statusCode).toBe(403);
    expect((await put(rootAdmin)).statusCode).toBe(200);
  });

  it("SLA policies and campaigns: a town dispatcher is refused, the district's centre may", async () => {
    const townDispatcher = await buildUser(h.database.db, h.tenant.id, h.tenant.units.a.id, ["dispatcher"]);
    const centre = await buildUser(h.database.db, h.tenant.id, h.tenant.units.root.id, ["dispatcher"]);
    const list = await h.built.app.inject({
      url: "/api/work-orders/sla-policies?year=2022",
      headers: authHeaders(centre),
    });
    const id = list.json().items[0].id;
    const edit = (u: typeof centre) =>
      h.built.app.inject({
        method: "PUT",
        url: `/api/work-orders/sla-policies/${id}`,
        headers: authHeaders(u),
        payload: SLA_BODY,
      });
    expect((await edit(townDispatcher)).statusCode).toBe(403);
    expect((await edit(centre)).statusCode).toBe(200);
    const campaign = (u: typeof centre) =>
      h.built.app.inject({
        method: "POST",
        url: "/api/work-orders/campaigns",
        headers: authHeaders(u),
        payload: {
          tag: `专项${Math.random().toString(36).slice(2, 8)}`,
          name: "测试专项",
          startsOn: "2022-03-15",
          endsOn: "2022-10-31",
        },
      });
    expect((await campaign(townDispatcher)).statusCode).toBe(403);
    expect((await campaign(centre)).statusCode).toBe(201);
  });

  it("calendar: HTTP changes only the tenant's own days, never the national ones nor another tenant's", async () => {
    const other = await buildTenant(h.database.db);
    const otherUser = await buildUser(h.database.db, other.id, other.units.root.id, ["admin"]);
    const townAdmin = await buildUser(h.database.db, h.tenant.id, h.tenant.units.a.id, ["admin"]);
    const rootAdmin = await buildUser(h.database.db, h.tenant.id, h.tenant.units.root.id, ["admin"]);
    const days = { days: [{ day: "2098-01-06", kind: "holiday", name: "本区停办" }] };
    const post = (u: typeof rootAdmin) =>
      h.built.app.inject({ method: "POST", url: "/api/calendar", headers: authHeaders(u), payload: days });
    expect((await post(townAdmin)).statusCode).toBe(403);
    const ok = await post(rootAdmin);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().items.map((d: { day: string }) => d.day)).toContain("2098-01-06");
    const national = await readCalendarExceptions(h.database.db);
    expect(national.map((d) => d.day)).not.toContain("2098-01-06");
    const seen = await h.built.app.inject({ url: "/api/calendar?year=2098", headers: authHeaders(otherUser) });
    expect(seen.statusCode).toBe(200);
    expect(seen.json().items.map((d: { day: string }) => d.day)).not.toContain("2098-01-06");
  });
});
