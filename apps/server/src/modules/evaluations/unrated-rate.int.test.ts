import { beforeAll, describe, expect, it } from "vitest";
import { buildHall, movableClock, seatClerk, type TestHall } from "../../../test/factories/hall.factory.ts";
import { serveWalkIn } from "../../../test/factories/served-case.factory.ts";
import { buildUser, type TestUser } from "../../../test/factories/user.factory.ts";
import { setUpHarness } from "../../../test/harness.ts";
import { authHeaders } from "../../../test/test-app.ts";
import { ratingCodeFor } from "./rating-codes.service.ts";

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

describe("未评价率", () => {
  it("counts the finished cases without an active rating, though no default rating was written", async () => {
    const phones = ["13711110001", "13711110002", "13711110003"];
    const cases = [];
    for (const p of phones) {
      cases.push(await servedCase(p));
    }
    const rated = await h.built.app.inject({
      method: "POST",
      url: "/api/public/ratings",
      payload: {
        subjectKind: "service_case",
        number: cases[0],
        phoneTail: "0001",
        ratingCode: await ratingCodeFor(h.database.db, h.tenant.id, "service_case", cases[0] ?? "", clock.now()),
        level: 5,
      },
    });
    expect(rated.statusCode, rated.body).toBe(201);
    const rates = await h.built.app.inject({ url: "/api/ratings/rates", headers: authHeaders(supervisor) });
    expect(rates.statusCode, rates.body).toBe(200);
    expect(rates.json().total).toMatchObject({ cases: 3, unratedCases: 2, unratedRate: 0.6667 });
    expect(rates.json().formulas.unratedRate).toContain("无主动评价的办件");
  });
});
