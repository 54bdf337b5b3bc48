import { createHash } from "node:crypto";
import type { WoCategory, WoStatus } from "../../../../../packages/contracts/src/work-orders.ts";
import type { Clock } from "../../platform/clock.ts";
import type { Db } from "../../platform/db/client.ts";
import { addDays, businessDay, businessInstant, type WorkCalendar } from "../calendar/work-calendar.ts";
import { computeDue } from "../work-orders/sla.ts";
import { pickPolicy } from "../work-orders/sla-policy.ts";
import { workOrderContacts, workOrderEvents, workOrders } from "../work-orders/work-orders.schema.ts";
import { getCalendar, getPolicies } from "../work-orders/work-orders-context.ts";
import { ROUTES, routeUnits } from "./demo-routing.ts";
import { GIVEN, SUBJECTS, SURNAMES } from "./demo-texts.ts";
import type { Places, Units } from "./ticket-batch.ts";

/**
 * The demo's present: a few dozen hotline tickets of the last working days in every state, their
 * deadlines computed from the day the demo is loaded, so each role's work queue shows current work
 * (not the 2022 history). Numbered GZ<year>-8xxxxxx, apart from the city platform's numbers.
 */
type Step = { action: string; from: WoStatus | null; to: WoStatus; centre: boolean; reason?: string };

const PATH: Step[] = [
  { action: "receive", from: null, to: "received", centre: true },
  { action: "dispatch", from: "received", to: "dispatched", centre: true },
  { action: "accept", from: "dispatched", to: "accepted", centre: false },
  { action: "start", from: "accepted", to: "in_progress", centre: false },
  { action: "reply", from: "in_progress", to: "replied", centre: false, reason: "已核查处理并答复来电人" },
  { action: "approve_reply", from: "replied", to: "follow_up", centre: true },
  { action: "follow_up", from: "follow_up", to: "closed", centre: true },
];

/** Where each present ticket stands: steps taken along PATH, or a pending request after accepting. */
const STATES: Array<{ steps: number; pending?: "return" | "extension"; n: number }> = [
  { steps: 1, n: 3 },
  { steps: 2, n: 5 },
  { steps: 3, n: 5 },
  { steps: 4, n: 10 },
  { steps: 3, pending: "return", n: 2 },
  { steps: 4, pending: "extension", n: 2 },
  { steps: 5, n: 3 },
  { steps: 6, n: 4 },
  { steps: 7, n: 6 },
];

const HOTLINE: WoCategory[] = ["consult", "help", "help", "complaint", "complaint", "report", "suggestion"];

function hashInt(seed: string, key: string): number {
  return Number.parseInt(createHash("sha256").update(`${seed}:${key}`).digest("hex").slice(0, 8), 16);
}

/** An RFC 4122 version-4-shaped id derived from the seed, the same on every load. */
function presentId(seed: string, key: string): string {
  const h = createHash("sha256").update(`${seed}:present:${key}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The working day `n` working days before `day` (0 = the last working day up to `day`). */
function workdayBefore(cal: WorkCalendar, day: string, n: number): string {
  let cur = day;
  while (!cal.isWorkday(cur)) {
    cur = addDays(cur, -1);
  }
  for (let left = n; left > 0; ) {
    cur = addDays(cur, -1);
    if (cal.isWorkday(cur)) {
      left -= 1;
    }
  }
  return cur;
}

export async function insertPresentTickets(
  db: Db,
  clock: Clock,
  tenantId: string,
  seed: string,
  places: Places,
  units: Units,
  rootPath: string,
): Promise<number> {
  const now = clock.now();
  const today = businessDay(now);
  const cal = await getCalendar(db);
  const policies = await getPolicies(db, tenantId, Number(today.slice(0, 4)));
  const year = today.slice(0, 4);
  const orders: Array<typeof workOrders.$inferInsert> = [];
  const events: Array<typeof workOrderEvents.$inferInsert> = [];
  const contacts: Array<typeof workOrderContacts.$inferInsert> = [];
  let k = 0;
  for (const state of STATES) {
    for (let j = 0; j < state.n; j++, k++) {
      const h = (salt: string) => hashInt(seed, `present:${k}:${salt}`);
      const category = HOTLINE[h("c") % HOTLINE.length] ?? "help";
      const list = SUBJECTS[category] ?? [];
      const [title, content, keywords] = list[h("s") % list.length] ?? ["", "", []];
      const place = places[h("p") % places.length];
      if (!place || !title) {
        continue;
      }
      const policy = pickPolicy(policies, "hotline", category, "normal");
      // Younger tickets are further behind; open ones mostly within their deadline, two a day past it.
      const closeDays = policy.closeUnit === "wd" ? policy.closeValue : 1;
      const open = state.steps < 7;
      const span = Math.max(1, Math.min(closeDays, open ? 2 + state.steps : 8));
      const late = open && state.steps === 4 && j < 2 ? closeDays + 1 : 0;
      const age = state.steps === 1 ? 0 : late || h("a") % span;
      // Before the hall opens, "today's" tickets are the last working day's.
      const day = workdayBefore(cal, businessInstant(today, 9, 0) > now ? addDays(today, -1) : today, age);
      const latest =
        age === 0
          ? Math.max(0, Math.floor((now.getTime() - businessInstant(day, 8, 30).getTime()) / 60_000) - 30)
          : 480;
      const receivedAt = new Date(
        businessInstant(day, 8, 30).getTime() + (h("t") % Math.max(1, Math.min(480, latest))) * 60_000,
      );
      const acceptDue = computeDue(cal, receivedAt, policy.acceptValue, policy.acceptUnit);
      const closeDue = computeDue(cal, receivedAt, policy.closeValue, policy.closeUnit);
      const route = ROUTES[title];
      const routed = routeUnits(title, units);
      const handler =
        route?.town && h("u") % 100 < 55
          ? { id: place.townId, path: place.townPath, name: place.townName }
          : routed[h("d") % Math.max(1, routed.length)];
      if (!handler) {
        continue;
      }
      // The steps spread between receipt and now (the last within the last hours).
      const taken = PATH.slice(0, state.steps);
      const spanMs = Math.max(60_000 * (taken.length + 1), now.getTime() - receivedAt.getTime() - 600_000);
      const at = (i: number) => new Date(receivedAt.getTime() + Math.floor((spanMs * i) / (taken.length + 1)));
      const id = presentId(seed, String(k));
      const steps: Step[] = [...taken];
      if (state.pending === "return") {
        steps.push({
          action: "request_return",
          from: "accepted",
          to: "return_requested",
          centre: false,
          reason: "诉求涉及事项不属于本单位职责，申请退回重新派单",
        });
      } else if (state.pending === "extension") {
        steps.push({
          action: "request_extension",
          from: "in_progress",
          to: "extension_requested",
          centre: false,
          reason: "需协调相关单位现场核查，申请延期",
        });
      }
      const status = steps[steps.length - 1]?.to ?? "received";
      const dispatched = state.steps >= 2;
      const satisfaction = status === "closed" ? 3 + (h("f") % 3) : null;
      steps.forEach((s, i) => {
        events.push({
          tenantId,
          workOrderId: id,
          seq: i + 1,
          action: s.action,
          fromStatus: s.from,
          toStatus: s.to,
          actorType: "user",
          actorName: s.centre ? "12345花都分中心" : handler.name,
          unitId: s.action === "dispatch" ? handler.id : null,
          at: at(i),
          reason: s.reason ?? null,
          data:
            s.action === "receive"
              ? { channel: "city_12345", externalNo: `GZ${year}-8${String(k + 1).padStart(6, "0")}` }
              : s.action === "dispatch"
                ? { unit: handler.name }
                : s.action === "follow_up"
                  ? {
                      reached: true,
                      satisfaction,
                      resolved: (satisfaction ?? 0) >= 4,
                      unitAtFault: false,
                      praise: false,
                    }
                  : {},
        });
      });
      const acceptIdx = steps.findIndex((s) => s.action === "accept");
      const replyIdx = steps.findIndex((s) => s.action === "reply");
      const caller = `${SURNAMES[h("n") % SURNAMES.length] ?? "陈"}${GIVEN[h("g") % GIVEN.length] ?? "伟"}`;
      const phone = `13${String(h("m") % 1_000_000_000).padStart(9, "0")}`;
      orders.push({
        id,
        tenantId,
        externalNo: `GZ${year}-8${String(k + 1).padStart(6, "0")}`,
        kind: "hotline",
        category,
        urgency: "normal",
        channel: "city_12345",
        title,
        content: `${place.place}：${content}`,
        callerName: caller,
        callerPhone: phone,
        townId: place.townId,
        communityId: place.communityId,
        address: place.place,
        keywords: [...keywords],
        status,
        unitId: dispatched ? handler.id : null,
        scopePath: dispatched ? handler.path : rootPath,
        receivedAt,
        acceptDueAt: acceptDue,
        closeDueAt: closeDue,
        acceptedAt: acceptIdx >= 0 ? at(acceptIdx) : null,
        repliedAt: replyIdx >= 0 ? at(replyIdx) : null,
        closedAt: status === "closed" ? at(steps.length - 1) : null,
        satisfaction,
        resolved: satisfaction === null ? null : satisfaction >= 4,
        eventCount: steps.length,
      });
      contacts.push({ id: presentId(seed, `contact:${k}`), tenantId, workOrderId: id, name: caller, phone });
    }
  }
  await db.transaction(async (tx) => {
    await tx.insert(workOrders).values(orders);
    await tx.insert(workOrderEvents).values(events);
    await tx.insert(workOrderContacts).values(contacts);
  });
  return orders.length;
}
