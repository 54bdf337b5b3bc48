import { beforeAll, describe, expect, it } from "vitest";
import { buildHall, movableClock, seatClerk, type TestHall } from "../../../test/factories/hall.factory.ts";
import { serveWalkIn } from "../../../test/factories/served-case.factory.ts";
import { buildUser, type TestUser } from "../../../test/factories/user.factory.ts";
import { setUpHarness } from "../../../test/harness.ts";
import { authHeaders } from "../../../test/test-app.ts";
import { nextNumber } from "../../platform/numbering.ts";
import { ratingCodeFor } from "../evaluations/rating-codes.service.ts";

const clock = movableClock("2025-03-03T09:00:00+08:00");
const h = setUpHarness({ clock });
let hall: TestHall;
let staff: TestUser;
let supervisor: TestUser;

const servedCase = (phone: string) => serveWalkIn(h, hall, staff, phone);

beforeAll(async () => {
  hall = await buildHall(h.database.db, h.tenant.id, h.tenant.units.a1.id, clock);
  staff = await buildUser(h.database.db, h.tenant.id, h.tenant.units.a1.id, ["hall_staff"]);
  await seatClerk(h.database.db, hall.groups[0]?.windows[0] ?? "", staff.id);
  supervisor = await buildUser(h.database.db, h.tenant.id, h.tenant.units.root.id, ["supervisor"]);
});

describe("办件编号", () => {
  it("gives each served case a human number that lists show and citizens rate by", async () => {
    const caseId = await servedCase("13722220001");
    const list = await h.built.app.inject({ url: "/api/appointments/cases", headers: authHeaders(supervisor) });
    expect(list.statusCode, list.body).toBe(200);
    const caseNo: string = list.json().items[0].caseNo;
    expect(caseNo).toMatch(/^BJ2025-\d{7}$/);
    const rated = await h.built.app.inject({
      method: "POST",
      url: "/api/public/ratings",
      payload: {
        subjectKind: "service_case",
        number: caseNo,
        phoneTail: "0001",
        ratingCode: await ratingCodeFor(h.database.db, h.tenant.id, "service_case", caseId, clock.now()),
        level: 5,
      },
    });
    expect(rated.statusCode, rated.body).toBe(201);
  });

  it("hands out each number once under concurrency, per tenant and year", async () => {
    const at = new Date("2031-06-01T00:00:00+08:00");
    const got = await Promise.all(
      Array.from({ length: 12 }, () => nextNumber(h.database.db, h.tenant.id, "work_order", at)),
    );
    expect(new Set(got).size).toBe(12);
    expect([...got].sort()).toEqual(Array.from({ length: 12 }, (_, i) => `RX2031-${String(i + 1).padStart(7, "0")}`));
  });
});
