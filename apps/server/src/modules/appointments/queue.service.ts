import { randomUUID } from "node:crypto";
import type {
  Board,
  CheckInInput,
  Queue,
  Ticket,
  WindowActionInput,
} from "../../../../../packages/contracts/src/appointments.ts";
import type { Ctx } from "../../platform/actor.ts";
import type { Db } from "../../platform/db/client.ts";
import { AppError, authorize } from "../../platform/errors.ts";
import { maskIdNumber } from "../../platform/mask.ts";
import { nextNumber } from "../../platform/numbering.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { businessDay } from "../calendar/work-calendar.ts";
import { toTicketDto } from "./appointments.mapper.ts";
import { canOperateHall, canViewHall, canWorkWindow } from "./appointments.policy.ts";
import { assertIdNumber } from "./booking.service.ts";
import { findBookingByCode, findBookingById, releasePersonDay, updateBooking } from "./bookings.repo.ts";
import { notifyHall } from "./hall-events.ts";
import { findGroup, findHallById, findHallParts, findItem, findWindow, type HallRow } from "./halls.repo.ts";
import { hallNotFound, loadVisibleHall } from "./halls.service.ts";
import {
  findHallTickets,
  findWindowTicket,
  insertCase,
  insertTicket,
  nextQueueSeq,
  pickNextWaiting,
  type TicketRow,
  updateTicket,
} from "./queue.repo.ts";
import { compareQueue, queueNumber, splitService } from "./queue-order.ts";
import { getAppointmentSettings } from "./settings.service.ts";

const refuse = (code: string, message: string) => new AppError("conflict", message, { code });

async function names(db: Db, hallId: string) {
  const parts = await findHallParts(db, [hallId]);
  const group = new Map(parts.groups.map((g) => [g.id, g]));
  const window = new Map(parts.windows.map((w) => [w.id, w.name]));
  return {
    parts,
    dto: (t: TicketRow): Ticket =>
      toTicketDto(t, group.get(t.groupId)?.name ?? "", t.windowId ? (window.get(t.windowId) ?? null) : null),
  };
}

async function loadOperatedHall(ctx: Ctx, hallId: string): Promise<HallRow> {
  const hall = await loadVisibleHall(ctx, hallId);
  authorize(canOperateHall(ctx.actor, hall), "只有本大厅的窗口人员可以办理取号、叫号");
  return hall;
}

/**
 * Checks a visitor in and hands out a queue number of the group (A001 per hall, group and day).
 * @throws not_found, forbidden, validation, conflict booking_not_today / booking_not_open / booking_other_hall
 */
export async function checkIn(ctx: Ctx, hallId: string, input: CheckInInput): Promise<Ticket> {
  const hall = await loadOperatedHall(ctx, hallId);
  const now = ctx.clock.now();
  const today = businessDay(now);
  const ticket = await ctx.db.transaction(async (tx) => {
    let row: TicketRow;
    if (input.kind === "booking") {
      const b = await findBookingByCode(tx, input.code, true);
      if (!b || b.tenantId !== hall.tenantId) {
        throw new AppError("not_found", "预约码不存在");
      }
      if (b.hallId !== hall.id) {
        throw refuse("booking_other_hall", "该预约不是本大厅的预约");
      }
      if (b.status !== "booked") {
        throw refuse("booking_not_open", "该预约已取消、已取号或已爽约");
      }
      if (b.day !== today) {
        throw refuse("booking_not_today", `该预约的日期是 ${b.day}，不是今天`);
      }
      const group = await findGroup(tx, hall.id, b.groupId);
      const seq = await nextQueueSeq(tx, hall.tenantId, b.groupId, today);
      // A booker who arrives after their slot ended queues like a walk-in from now on.
      const priorityAt = now > b.endsAt ? now : b.startsAt;
      row = await insertTicket(tx, {
        id: randomUUID(),
        tenantId: hall.tenantId,
        hallId: hall.id,
        scopePath: hall.scopePath,
        groupId: b.groupId,
        day: today,
        number: queueNumber(group?.prefix ?? "A", seq),
        seq,
        bookingId: b.id,
        itemCode: b.itemCode,
        itemName: b.itemName,
        personName: b.personName,
        idNumber: b.idNumber,
        phone: b.phone,
        status: "waiting",
        priorityAt,
        checkedInAt: now,
      });
      await updateBooking(tx, b.id, { status: "checked_in", checkedInAt: now });
    } else {
      const group = await findGroup(tx, hall.id, input.groupId);
      const item = group ? await findItem(tx, group.id, input.itemCode) : undefined;
      if (!group || !item) {
        throw new AppError("validation", "办理事项：本大厅该窗口组不办理此事项", [
          { path: "itemCode", message: "本大厅该窗口组不办理此事项" },
        ]);
      }
      if (input.idNumber) {
        assertIdNumber(input.idNumber, now);
      }
      const seq = await nextQueueSeq(tx, hall.tenantId, group.id, today);
      row = await insertTicket(tx, {
        id: randomUUID(),
        tenantId: hall.tenantId,
        hallId: hall.id,
        scopePath: hall.scopePath,
        groupId: group.id,
        day: today,
        number: queueNumber(group.prefix, seq),
        seq,
        bookingId: null,
        itemCode: item.itemCode,
        itemName: item.itemName,
        personName: input.personName ?? null,
        idNumber: input.idNumber ?? null,
        phone: input.phone ?? null,
        status: "waiting",
        priorityAt: now,
        checkedInAt: now,
      });
    }
    await recordAudit(
      { ...ctx, db: tx },
      {
        action: "queue.check_in",
        entityType: "queue_ticket",
        entityId: row.id,
        scopePath: hall.scopePath,
        summary: { number: row.number, kind: input.kind, idNumber: maskIdNumber(row.idNumber) },
      },
    );
    return row;
  });
  notifyHall(hall.id);
  return (await names(ctx.db, hall.id)).dto(ticket);
}

/** Today's queue of a hall, in calling order per group, with the window's current ticket. */
export async function hallQueue(ctx: Ctx, hallId: string, windowId?: string): Promise<Queue> {
  const hall = await loadVisibleHall(ctx, hallId);
  const now = ctx.clock.now();
  const { dto, parts } = await names(ctx.db, hall.id);
  const prefix = new Map(parts.groups.map((g) => [g.id, g.prefix]));
  const waiting = (await findHallTickets(ctx.db, hall.id, businessDay(now), ["waiting"])).sort(
    (a, b) => (prefix.get(a.groupId) ?? "").localeCompare(prefix.get(b.groupId) ?? "") || compareQueue(a, b, now),
  );
  const current = windowId ? await findWindowTicket(ctx.db, windowId) : undefined;
  const settings = await getAppointmentSettings(ctx.db, hall.tenantId);
  return {
    current: current && current.hallId === hall.id ? dto(current) : null,
    waiting: waiting.map(dto),
    maxCalls: settings.maxCalls,
  };
}

/**
 * One step at a window: call the next visitor, call again, pass over after the configured number of
 * calls (a no-show), start, transfer to another group, or finish — which writes the service case.
 * @throws not_found, forbidden, conflict window_busy / queue_empty / no_current / calls_not_reached / bad_state
 */
export async function windowAction(ctx: Ctx, windowId: string, input: WindowActionInput) {
  const win = await findWindow(ctx.db, ctx.actor.tenantId, windowId);
  const hall = win ? await findHallById(ctx.db, ctx.actor.tenantId, win.hallId) : undefined;
  if (!win || !hall || !canViewHall(ctx.actor, hall)) {
    throw new AppError("not_found", "窗口不存在");
  }
  authorize(canOperateHall(ctx.actor, hall), "只有本大厅的窗口人员可以叫号办理");
  authorize(canWorkWindow(ctx.actor, hall, win), `${win.name}不是分配给您的窗口，请在您的窗口办理或请大厅负责人调整`);
  const settings = await getAppointmentSettings(ctx.db, hall.tenantId);
  const now = ctx.clock.now();
  const staffName = ctx.actor.kind === "user" ? ctx.actor.displayName : "系统";
  const result = await ctx.db.transaction(async (tx) => {
    const current = await findWindowTicket(tx, win.id, true);
    const audit = (action: string, t: TicketRow, summary: Record<string, unknown> = {}) =>
      recordAudit(
        { ...ctx, db: tx },
        {
          action: `queue.${action}`,
          entityType: "queue_ticket",
          entityId: t.id,
          scopePath: hall.scopePath,
          summary: { number: t.number, window: win.name, ...summary },
        },
      );
    if (input.action === "call_next") {
      if (current) {
        throw refuse("window_busy", `本窗口正在处理 ${current.number}，请先办结、过号或转出`);
      }
      const next = await pickNextWaiting(tx, win.groupId, businessDay(now), now);
      if (!next) {
        throw refuse("queue_empty", "当前没有等候的号");
      }
      const t = await updateTicket(tx, next.id, { status: "called", windowId: win.id, callCount: 1, calledAt: now });
      await audit("call", t);
      return { ticket: t, caseId: null, caseIds: [] };
    }
    if (!current) {
      throw refuse("no_current", "本窗口当前没有正在叫号或办理的号");
    }
    const needs = (status: string, label: string) => {
      if (current.status !== status) {
        throw refuse("bad_state", `${current.number} 当前不是${label}状态`);
      }
    };
    switch (input.action) {
      case "recall": {
        needs("called", "已叫号");
        const t = await updateTicket(tx, current.id, { callCount: current.callCount + 1, calledAt: now });
        await audit("recall", t, { calls: t.callCount });
        return { ticket: t, caseId: null, caseIds: [] };
      }
      case "skip": {
        needs("called", "已叫号");
        if (current.callCount < settings.maxCalls) {
          throw refuse("calls_not_reached", `已叫号${current.callCount}次，需叫满${settings.maxCalls}次未到才能过号`);
        }
        const t = await updateTicket(tx, current.id, { status: "skipped", finishedAt: now });
        if (current.bookingId) {
          await markBookingEnded(tx, current.bookingId, "no_show");
        }
        await audit("skip", t, { calls: current.callCount });
        return { ticket: t, caseId: null, caseIds: [] };
      }
      case "start": {
        needs("called", "已叫号");
        const t = await updateTicket(tx, current.id, { status: "serving", startedAt: now });
        await audit("start", t);
        return { ticket: t, caseId: null, caseIds: [] };
      }
      case "transfer": {
        const target = await findGroup(tx, hall.id, input.groupId);
        if (!target || target.id === current.groupId) {
          throw new AppError("validation", "转往窗口组：请选择本大厅的其他窗口组", [
            { path: "groupId", message: "请选择本大厅的其他窗口组" },
          ]);
        }
        // Keeps its number and place (priority): the visitor has already waited once.
        const t = await updateTicket(tx, current.id, {
          status: "waiting",
          groupId: target.id,
          windowId: null,
          callCount: 0,
          calledAt: null,
          startedAt: null,
        });
        await audit("transfer", t, { to: target.name });
        return { ticket: t, caseId: null, caseIds: [] };
      }
      case "finish": {
        needs("serving", "办理中");
        const extra = [...new Set(input.extraItemCodes ?? [])].filter((c) => c !== current.itemCode);
        const items = [{ itemCode: current.itemCode, itemName: current.itemName }];
        for (const code of extra) {
          const item = await findItem(tx, current.groupId, code);
          if (!item) {
            throw new AppError("validation", "加办事项：本窗口组不办理此事项", [
              { path: "extraItemCodes", message: `本窗口组不办理事项 ${code}` },
            ]);
          }
          items.push({ itemCode: item.itemCode, itemName: item.itemName });
        }
        const t = await updateTicket(tx, current.id, { status: "done", finishedAt: now });
        const calledAt = current.calledAt ?? now;
        const startedAt = current.startedAt ?? now;
        // Wait runs from check-in (or the slot start for an early booker) to the first call.
        const waitSeconds = Math.max(
          0,
          Math.round(
            (calledAt.getTime() -
              Math.max(current.checkedInAt.getTime(), current.bookingId ? current.priorityAt.getTime() : 0)) /
              1000,
          ),
        );
        const caseIds: string[] = [];
        for (const [i, span] of splitService(startedAt, now, items.length).entries()) {
          const item = items[i] ?? items[0];
          const row = await insertCase(tx, {
            id: randomUUID(),
            caseNo: await nextNumber(tx, hall.tenantId, "service_case", now),
            tenantId: hall.tenantId,
            hallId: hall.id,
            scopePath: hall.scopePath,
            hallLevel: hall.level,
            groupId: current.groupId,
            windowId: win.id,
            windowName: win.name,
            ticketId: current.id,
            bookingId: current.bookingId,
            itemCode: item?.itemCode ?? current.itemCode,
            itemName: item?.itemName ?? current.itemName,
            staffUserId: ctx.actor.kind === "user" ? ctx.actor.userId : null,
            staffName,
            personName: current.personName,
            idNumber: current.idNumber,
            phone: current.phone,
            result: input.result,
            note: input.note ?? null,
            checkedInAt: current.checkedInAt,
            calledAt,
            startedAt: span.startedAt,
            finishedAt: span.finishedAt,
            waitSeconds,
            serviceSeconds: Math.max(0, Math.round((span.finishedAt.getTime() - span.startedAt.getTime()) / 1000)),
          });
          caseIds.push(row.id);
        }
        if (current.bookingId) {
          await markBookingEnded(tx, current.bookingId, "served");
        }
        await audit("finish", t, {
          caseId: caseIds[0],
          caseIds,
          result: input.result,
          item: current.itemCode,
          items: items.map((x) => x.itemCode),
        });
        return { ticket: t, caseId: caseIds[0] ?? null, caseIds };
      }
    }
  });
  notifyHall(hall.id);
  const { dto } = await names(ctx.db, hall.id);
  return { ticket: result.ticket ? dto(result.ticket) : null, caseId: result.caseId, caseIds: result.caseIds };
}

async function markBookingEnded(tx: Db, bookingId: string, status: "served" | "no_show"): Promise<void> {
  const b = await findBookingById(tx, bookingId);
  if (b) {
    await updateBooking(tx, b.id, { status });
    await releasePersonDay(tx, b);
  }
}

/** What the hall screen shows: numbers being called (no names) and how many wait per group. */
export async function hallBoard(db: Db, hallId: string, now: Date): Promise<Board> {
  const hall = await findHallById(db, null, hallId);
  if (!hall) {
    throw hallNotFound();
  }
  const day = businessDay(now);
  const { parts } = await names(db, hall.id);
  const windowName = new Map(parts.windows.map((w) => [w.id, w.name]));
  const active = await findHallTickets(db, hall.id, day, ["called", "serving", "waiting"]);
  return {
    hallName: hall.name,
    calling: active
      .filter((t) => t.status !== "waiting" && t.calledAt)
      .slice(0, 12)
      .map((t) => ({
        number: t.number,
        windowName: t.windowId ? (windowName.get(t.windowId) ?? "") : "",
        calledAt: (t.calledAt ?? now).toISOString(),
      })),
    waiting: parts.groups.map((g) => ({
      groupName: g.name,
      prefix: g.prefix,
      count: active.filter((t) => t.status === "waiting" && t.groupId === g.id).length,
    })),
  };
}
