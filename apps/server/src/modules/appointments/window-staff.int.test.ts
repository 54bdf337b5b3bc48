import { beforeAll, describe, expect, it } from "vitest";
import { itemInput } from "../../../test/factories/catalog-item.factory.ts";
import { buildHall, movableClock, type TestHall } from "../../../test/factories/hall.factory.ts";
import { buildUser, type TestUser } from "../../../test/factories/user.factory.ts";
import { setUpHarness } from "../../../test/harness.ts";
import { authHeaders } from "../../../test/test-app.ts";

const clock = movableClock("2025-03-03T09:00:00+08:00");
const h = setUpHarness({ clock });
let hall: TestHall;
let clerk: TestUser;
let otherClerk: TestUser;
let supervisor: TestUser;
let admin: TestUser;

const win = (gi: number, wi: number) => hall.groups[gi]?.windows[wi] ?? "";
const call = (as: TestUser, method: "GET" | "POST" | "PUT", url: string, payload?: object) =>
  h.built.app.inject({ method, url, headers: authHeaders(as), ...(payload ? { payload } : {}) });
const act = (as: TestUser, windowId: string) =>
  call(as, "POST", `/api/hall-windows/${windowId}/actions`, { action: "call_next" });

beforeAll(async () => {
  hall = await buildHall(h.database.db, h.tenant.id, h.tenant.units.a1.id, clock);
  clerk = await buildUser(h.database.db, h.tenant.id, h.tenant.units.a1.id, ["hall_staff"]);
  otherClerk = await buildUser(h.database.db, h.tenant.id, h.tenant.units.a1.id, ["hall_staff"]);
  supervisor = await buildUser(h.database.db, h.tenant.id, h.tenant.units.root.id, ["supervisor"]);
  admin = await buildUser(h.database.db, h.tenant.id, h.tenant.units.root.id, ["admin"]);
});

describe("window staff", () => {
  it("refuses a clerk on a window not assigned to them, and admits them at their own", async () => {
    const unassigned = await act(clerk, win(0, 0));
    expect(unassigned.statusCode).toBe(403);
    expect(unassigned.json().error.message).toContain("不是分配给您的窗口");

    const put = await call(supervisor, "PUT", `/api/hall-windows/${win(0, 0)}/staff`, { userId: clerk.id });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ staffUserId: clerk.id });

    // Own window: past the binding (an empty queue is the next answer).
    const own = await act(clerk, win(0, 0));
    expect(own.statusCode).toBe(409);
    expect(own.json().error.details).toMatchObject({ code: "queue_empty" });
    // Someone else's window, and another free one: refused.
    expect((await act(otherClerk, win(0, 0))).statusCode).toBe(403);
    expect((await act(clerk, win(0, 1))).statusCode).toBe(403);
  });

  it("lets a supervisor move a clerk (one window each), audited; a clerk may not assign", async () => {
    expect((await call(clerk, "PUT", `/api/hall-windows/${win(1, 0)}/staff`, { userId: clerk.id })).statusCode).toBe(
      403,
    );
    const moved = await call(supervisor, "PUT", `/api/hall-windows/${win(1, 0)}/staff`, { userId: clerk.id });
    expect(moved.statusCode, moved.body).toBe(200);
    const detail = (await call(supervisor, "GET", `/api/halls/${hall.id}`)).json();
    const windows = detail.groups.flatMap((g: { windows: { id: string; staffUserId: string | null }[] }) => g.windows);
    expect(windows.filter((w: { staffUserId: string | null }) => w.staffUserId === clerk.id)).toEqual([
      expect.objectContaining({ id: win(1, 0), staffName: expect.any(String) }),
    ]);
    expect((await act(clerk, win(0, 0))).statusCode).toBe(403);

    const clerks = (await call(supervisor, "GET", `/api/halls/${hall.id}/clerks`)).json().items;
    expect(clerks.map((c: { id: string }) => c.id)).toEqual(expect.arrayContaining([clerk.id, otherClerk.id]));
    expect(clerks.find((c: { id: string }) => c.id === clerk.id)).toMatchObject({ windowId: win(1, 0) });

    // Only the hall's clerks can be seated.
    const notClerk = await call(supervisor, "PUT", `/api/hall-windows/${win(0, 1)}/staff`, { userId: supervisor.id });
    expect(notClerk.statusCode).toBe(400);

    const audit = (await call(admin, "GET", "/api/audit?action=hall.window.assign")).json();
    expect(audit.items[0]).toMatchObject({ action: "hall.window.assign", summary: { window: "3号窗口" } });
  });

  it("lists windows in numeric order (2号 before 10号)", async () => {
    const add = await call(admin, "POST", `/api/halls/${hall.id}/groups`, {
      prefix: "C",
      name: "综合窗口",
      slotCapacity: 5,
      items: [{ itemCode: "I-C1", itemName: "咨询", bookable: false }],
      windows: ["10号窗口", "9号窗口", "11号窗口", "5号窗口"],
    });
    expect(add.statusCode, add.body).toBe(201);
    const group = add.json().groups.find((g: { prefix: string }) => g.prefix === "C");
    expect(group.windows.map((w: { name: string }) => w.name)).toEqual(["5号窗口", "9号窗口", "10号窗口", "11号窗口"]);
  });

  it("lets window staff read the whole catalog: they serve every department's items", async () => {
    const manager = await buildUser(h.database.db, h.tenant.id, h.tenant.units.root.id, ["catalog_manager"]);
    // An item of another department (b1) than the clerk's hall (a1).
    const created = await call(manager, "POST", "/api/catalog/items", itemInput(h.tenant.units.b1.id));
    expect(created.statusCode, created.body).toBe(201);
    const list = await call(clerk, "GET", "/api/catalog/items");
    expect(list.statusCode).toBe(200);
    expect(list.json().total).toBeGreaterThan(0);
    const one = await call(clerk, "GET", `/api/catalog/items/${created.json().id}`);
    expect(one.statusCode).toBe(200);
  });
});
