import { describe, expect, it } from "vitest";
import type { Role } from "../../../../../packages/contracts/src/common.ts";
import type { Actor } from "../../platform/actor.ts";
import { canAdministerHall, canOperateHall, canViewHall } from "./appointments.policy.ts";

const user = (role: Role, path: string): Actor => ({
  kind: "user",
  tenantId: "t",
  userId: "u",
  username: "u",
  displayName: "u",
  csrfToken: "c",
  grants: [{ id: "g", role, orgUnitId: "o", orgUnitName: "o", path }],
});
const hall = { tenantId: "t", scopePath: "/root/centre/" };
const other = { tenantId: "t", scopePath: "/root/town/" };

describe("hall policies", () => {
  it.each([
    ["hall_staff", true, false, true],
    ["admin", true, true, false],
    ["leader", true, false, false],
    ["handler", false, false, false],
    ["dispatcher", false, false, false],
  ] as const)("%s on its hall: view %s, administer %s, operate %s", (role, view, admin, operate) => {
    const actor = user(role, "/root/centre/");
    expect(canViewHall(actor, hall)).toBe(view);
    expect(canAdministerHall(actor, hall)).toBe(admin);
    expect(canOperateHall(actor, hall)).toBe(operate);
  });

  it("hall staff of one hall cannot see or work another", () => {
    const actor = user("hall_staff", "/root/centre/");
    expect(canViewHall(actor, other)).toBe(false);
    expect(canOperateHall(actor, other)).toBe(false);
  });

  it("a grant of another tenant covers nothing here, whatever the path", () => {
    const actor = user("admin", "/");
    expect(canViewHall(actor, { ...hall, tenantId: "other" })).toBe(false);
    expect(canAdministerHall(actor, { ...hall, tenantId: "other" })).toBe(false);
  });
});
