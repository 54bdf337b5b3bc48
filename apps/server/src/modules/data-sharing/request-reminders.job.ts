import { randomUUID } from "node:crypto";
import type { SystemActor } from "../../platform/actor.ts";
import type { Clock } from "../../platform/clock.ts";
import type { Db } from "../../platform/db/client.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { getCachedCalendar } from "../calendar/calendar-cache.ts";
import { businessDay, nthWorkdayAfter, type WorkCalendar } from "../calendar/work-calendar.ts";
import { claimReminder, findPendingDueBefore, type ReminderStage } from "./request-reminders.repo.ts";
import { findRequest } from "./requests.repo.ts";

// A deadline is at most DECISION_WORKDAYS working days ahead; the longest holiday adds about a week.
const HORIZON_MS = 20 * 86_400_000;

/**
 * Where a pending request's deadline stands on the statutory calendar: past it (已超期), or due by
 * the end of the next working day (即将到期) — so on the Friday before National Day a request due
 * the first working day after the holiday is already due soon.
 */
export function deadlineStage(cal: WorkCalendar, dueAt: Date, now: Date): ReminderStage | null {
  if (now.getTime() > dueAt.getTime()) {
    return "overdue";
  }
  return businessDay(dueAt) <= nthWorkdayAfter(cal, businessDay(now), 1) ? "due_soon" : null;
}

const STAGE_LABEL: Record<ReminderStage, string> = { due_soon: "即将到期", overdue: "已超期" };

/**
 * Reminds the provider's data officers of the 有条件共享 requests awaiting their decision: once per
 * request and stage (a unique row), audited; the workbench counts them and the requests page tags
 * them. A request decided meanwhile is skipped under its row lock. `tenantId` limits the run.
 */
export async function runRequestReminders(
  db: Db,
  clock: Clock,
  tenantId?: string,
): Promise<{ checked: number; reminded: number }> {
  const now = clock.now();
  const due = await findPendingDueBefore(db, new Date(now.getTime() + HORIZON_MS), tenantId);
  let reminded = 0;
  for (const seen of due) {
    if (!seen.dueAt) {
      continue;
    }
    const cal = await getCachedCalendar(db, seen.tenantId);
    const stage = deadlineStage(cal, seen.dueAt, now);
    if (!stage) {
      continue;
    }
    const actor: SystemActor = { kind: "system", tenantId: seen.tenantId, name: "共享申请审批期限提醒" };
    await db.transaction(async (tx) => {
      const locked = await findRequest(tx, seen.tenantId, seen.id, true);
      if (locked?.request.status !== "pending") {
        return;
      }
      const claimed = await claimReminder(tx, {
        id: randomUUID(),
        tenantId: seen.tenantId,
        requestId: seen.id,
        stage,
        providerPath: seen.providerPath,
        dueAt: seen.dueAt ?? now,
        createdAt: now,
      });
      if (!claimed) {
        return;
      }
      await recordAudit(
        { db: tx, actor, clock, requestId: `data-request-reminders-${now.toISOString()}` },
        {
          action: "data_request.remind",
          entityType: "data_request",
          entityId: seen.id,
          scopePath: seen.providerPath,
          summary: { stage: STAGE_LABEL[stage], resource: locked.code, dueAt: seen.dueAt?.toISOString() ?? null },
        },
      );
      reminded += 1;
    });
  }
  return { checked: due.length, reminded };
}
