import type { Role } from "../../../../../packages/contracts/src/common.ts";
import { covers, scopePaths } from "../../platform/access.ts";
import type { Actor } from "../../platform/actor.ts";

/** Who may read halls, bookings, queues, cases and their numbers (within their subtree). */
export const HALL_VIEW_ROLES = ["hall_staff", "admin", "supervisor", "leader", "auditor"] as const satisfies Role[];
/** Who sets up halls, windows, items, closures and slots. */
export const HALL_ADMIN_ROLES = ["admin"] as const satisfies Role[];
/** Who assigns clerks to windows (and may work any window of their halls). */
export const WINDOW_ASSIGN_ROLES = ["admin", "supervisor"] as const satisfies Role[];
/** Who works a window: check-in, call, serve. */
export const HALL_OPERATE_ROLES = ["hall_staff"] as const satisfies Role[];

type Scoped = { scopePath: string };

export function canViewHall(actor: Actor, hall: Scoped): boolean {
  return covers(scopePaths(actor, HALL_VIEW_ROLES), hall.scopePath);
}

export function canAdministerHall(actor: Actor, hall: Scoped): boolean {
  return covers(scopePaths(actor, HALL_ADMIN_ROLES), hall.scopePath);
}

export function canOperateHall(actor: Actor, hall: Scoped): boolean {
  return covers(scopePaths(actor, HALL_OPERATE_ROLES), hall.scopePath);
}

export function canAssignWindows(actor: Actor, hall: Scoped): boolean {
  return covers(scopePaths(actor, WINDOW_ASSIGN_ROLES), hall.scopePath);
}

/** A clerk works only the window assigned to them; a hall's supervisor or admin is not bound. */
export function canWorkWindow(actor: Actor, hall: Scoped, window: { staffUserId: string | null }): boolean {
  if (!canOperateHall(actor, hall)) {
    return false;
  }
  if (canAssignWindows(actor, hall)) {
    return true;
  }
  return actor.kind === "user" && window.staffUserId === actor.userId;
}
