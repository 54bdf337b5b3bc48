import { randomUUID } from "node:crypto";
import type { SystemActor } from "../../platform/actor.ts";
import type { Clock } from "../../platform/clock.ts";
import type { Db } from "../../platform/db/client.ts";
import { maskPhone } from "../../platform/mask.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { getCachedCalendar } from "../calendar/calendar-cache.ts";
import { businessDay } from "../calendar/work-calendar.ts";
import { remindersDue } from "./deferral-rules.ts";
import { findAwaitingDue, findDeferral, insertDeferralEvent, updateDeferral } from "./deferrals.repo.ts";
import { closeDeferral } from "./deferrals.service.ts";

/**
 * Reminds applicants as their make-up deadline nears and terminates what is not made up by it.
 * Each step happens under a row lock and only if still due, so overlapping runs write it once.
 * `tenantId` limits a run to one tenant (the scheduler runs all).
 */
export async function runDeferralJob(
  db: Db,
  clock: Clock,
  tenantId?: string,
): Promise<{ reminded: number; terminated: number }> {
  const now = clock.now();
  const cal = await getCachedCalendar(db);
  let reminded = 0;
  let terminated = 0;
  for (const seen of await findAwaitingDue(db, now)) {
    if (tenantId !== undefined && seen.tenantId !== tenantId) {
      continue;
    }
    const actor: SystemActor = { kind: "system", tenantId: seen.tenantId, name: "容缺受理到期处理" };
    const ctx = { actor, clock, requestId: `deferrals-${now.toISOString()}` };
    const overdue = now.getTime() > seen.makeUpDueAt.getTime();
    const owed = remindersDue(cal, seen.acceptedAt, seen.makeUpDueAt, now);
    if (!overdue && owed <= seen.remindersSent) {
      continue;
    }
    await db.transaction(async (tx) => {
      const d = await findDeferral(tx, seen.tenantId, seen.id, true);
      if (d?.status !== "awaiting") {
        return;
      }
      if (overdue) {
        await closeDeferral(tx, ctx, d, "terminated", "逾期未补齐容缺材料，终止办理");
        terminated += 1;
        return;
      }
      for (let n = d.remindersSent + 1; n <= owed; n++) {
        await insertDeferralEvent(tx, {
          id: randomUUID(),
          tenantId: d.tenantId,
          deferralId: d.id,
          at: now,
          action: "remind",
          actorName: actor.name,
          note: `短信提醒 ${maskPhone(d.phone) ?? "（未登记手机）"}：请于 ${businessDay(d.makeUpDueAt)} 17:00 前补齐 ${d.missingMaterials.join("、")}`,
        });
        reminded += 1;
      }
      if (owed > d.remindersSent) {
        await updateDeferral(tx, d.id, { remindersSent: owed });
        await recordAudit(
          { db: tx, actor, clock, requestId: ctx.requestId },
          {
            action: "deferral.remind",
            entityType: "deferral",
            entityId: d.id,
            scopePath: d.scopePath,
            summary: { reminders: owed },
          },
        );
      }
    });
  }
  return { reminded, terminated };
}
