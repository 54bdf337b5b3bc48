import { action, can, resourceOf } from "../../platform/access-can.ts";
import type { Actor } from "../../platform/actor.ts";

/** Who may read halls, bookings, queues, cases and their numbers (within their subtree). */
export const VIEW_HALLS = action("hall.view", ["hall_staff", "admin", "supervisor", "leader", "auditor"]);
/** Who sets up halls, windows, items, closures and slots. */
export const ADMINISTER_HALLS = action("hall.administer", ["admin"]);
/** Who assigns clerks to windows (and may work any window of their halls). */
export const ASSIGN_WINDOWS = action("hall.assign_windows", ["admin", "supervisor"]);
/** Who works a window: check-in, call, serve. */
export const OPERATE_HALLS = action("hall.operate", ["hall_staff"]);

type Scoped = { tenantId: string; scopePath: string };

export function canViewHall(actor: Actor, hall: Scoped): boolean {
  return can(actor, VIEW_HALLS, resourceOf(hall));
}

export function canAdministerHall(actor: Actor, hall: Scoped): boolean {
  return can(actor, ADMINISTER_HALLS, resourceOf(hall));
}

export function canOperateHall(actor: Actor, hall: Scoped): boolean {
  return can(actor, OPERATE_HALLS, resourceOf(hall));
}

export function canAssignWindows(actor: Actor, hall: Scoped): boolean {
  return can(actor, ASSIGN_WINDOWS, resourceOf(hall));
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
