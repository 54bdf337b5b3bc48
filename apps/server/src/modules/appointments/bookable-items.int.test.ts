import { describe, expect, it } from "vitest";
import { itemInput } from "../../../test/factories/catalog-item.factory.ts";
import { buildHall, movableClock } from "../../../test/factories/hall.factory.ts";
import { buildUser } from "../../../test/factories/user.factory.ts";
import { setUpHarness } from "../../../test/harness.ts";
import { authHeaders } from "../../../test/test-app.ts";

const clock = movableClock("2025-03-03T08:30:00+08:00");
const h = setUpHarness({ clock });

describe("可预约事项", () => {
  it("are one number in 大厅统计 and 事项统计: the catalog's bookable flags per hall level", async () => {
    const admin = await buildUser(h.database.db, h.tenant.id, h.tenant.units.root.id, ["admin", "catalog_manager"]);
    // A hall whose window groups offer three bookable items: the hall's set-up is not the definition.
    await buildHall(h.database.db, h.tenant.id, h.tenant.units.a1.id, clock);
    const flags = [
      { bookableTown: true, bookableVillage: true },
      { bookableTown: true, bookableVillage: false },
      { bookableTown: false, bookableVillage: false },
    ];
    for (const f of flags) {
      const res = await h.built.app.inject({
        method: "POST",
        url: "/api/catalog/items",
        headers: authHeaders(admin),
        payload: itemInput(h.tenant.units.a1.id, f),
      });
      expect(res.statusCode).toBe(201);
    }
    const catalog = await h.built.app.inject({ url: "/api/catalog/metrics", headers: authHeaders(admin) });
    expect(catalog.json().total).toMatchObject({ bookableTown: 2, bookableVillage: 1 });
    const hall = await h.built.app.inject({ url: "/api/appointments/bookable-items", headers: authHeaders(admin) });
    expect(hall.statusCode).toBe(200);
    const byLevel = Object.fromEntries(
      hall.json().items.map((i: { level: string; items: number }) => [i.level, i.items]),
    );
    expect(byLevel).toMatchObject({ town: 2, village: 1 });
  });
});
