import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { buildHall, movableClock, seatClerk, type TestHall } from "../../../test/factories/hall.factory.ts";
import { serveWalkIn } from "../../../test/factories/served-case.factory.ts";
import { buildUser, type TestUser } from "../../../test/factories/user.factory.ts";
import { setUpHarness } from "../../../test/harness.ts";
import { authHeaders } from "../../../test/test-app.ts";
import { queryRows } from "../../platform/db/rows.ts";
import { applyDefaultRatings } from "./evaluations.service.ts";
import { ratingCodeFor } from "./rating-codes.service.ts";

// The booking lookup shows it to the person served (tested in public-proofs.int.test.ts).
const codeOf = (caseId: string) => ratingCodeFor(h.database.db, h.tenant.id, "service_case", caseId, clock.now());

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

describe("rating a hall service case", () => {
  it("rates the case by its number and phone, sends a bad rating to the hall's unit for rectification", async () => {
    const caseId = await servedCase("13712345678");
    const rate = (payload: object) => h.built.app.inject({ method: "POST", url: "/api/public/ratings", payload });
    expect(
      (
        await rate({
          subjectKind: "service_case",
          number: caseId,
          phoneTail: "0000",
          ratingCode: await codeOf(caseId),
          level: 2,
          reasons: ["多次跑动"],
        })
      ).statusCode,
    ).toBe(404);
    const res = await rate({
      subjectKind: "service_case",
      number: caseId,
      phoneTail: "5678",
      ratingCode: await codeOf(caseId),
      level: 2,
      reasons: ["多次跑动"],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().rectification).toBe(true);
    const list = (
      await h.built.app.inject({ url: "/api/ratings?subjectKind=service_case", headers: authHeaders(supervisor) })
    ).json();
    expect(list.items[0]).toMatchObject({
      subjectKind: "service_case",
      subjectId: caseId,
      unitId: h.tenant.units.a1.id,
      level: 2,
    });
    expect(list.items[0].subjectLabel).toContain("窗口");
    // The list names the case by its 办件编号 and the unit by its name, never by ids.
    const [known] = await queryRows<{ case_no: string }>(
      h.database.db,
      sql`select case_no from service_cases where id = ${caseId}`,
    );
    expect(known?.case_no).toMatch(/^BJ\d{4}-\d{7}$/);
    expect(list.items[0]).toMatchObject({ subjectNo: known?.case_no, unitName: h.tenant.units.a1.name });
    const wo = await h.built.app.inject({ url: `/api/ratings/${list.items[0].id}`, headers: authHeaders(supervisor) });
    expect(wo.json().rectificationWorkOrderId).toMatch(/^[0-9a-f-]{36}$/);
    expect(wo.json().subjectNo).toBe(known?.case_no);
  });

  it("records 基本满意 for a case left unrated for 7 days, once", async () => {
    const caseId = await servedCase("13700000001");
    clock.set("2025-03-11T09:00:00+08:00");
    expect(await applyDefaultRatings(h.database.db, clock)).toBeGreaterThanOrEqual(1);
    // A second sweep adds nothing for this case (other test files share the server, so its total is not ours).
    await applyDefaultRatings(h.database.db, clock);
    const rated = await queryRows<{ level: number; is_default: boolean }>(
      h.database.db,
      sql`select level, is_default from ratings where subject_id = ${caseId}`,
    );
    expect(rated).toEqual([{ level: 3, is_default: true }]);
    const list = (
      await h.built.app.inject({
        url: "/api/ratings?subjectKind=service_case&metric=defaulted",
        headers: authHeaders(supervisor),
      })
    ).json();
    expect(list.items.map((r: { subjectId: string }) => r.subjectId)).toContain(caseId);
    const late = await h.built.app.inject({
      method: "POST",
      url: "/api/public/ratings",
      payload: {
        subjectKind: "service_case",
        number: caseId,
        phoneTail: "0001",
        ratingCode: await codeOf(caseId),
        level: 5,
      },
    });
    expect(late.statusCode).toBe(409);
  });
});
