import { WoCategorySchema, WoKindSchema, WoUrgencySchema } from "../../../../../packages/contracts/src/work-orders.ts";
import type { SystemActor } from "../../platform/actor.ts";
import { silentLogger } from "../../platform/actor.ts";
import type { Clock } from "../../platform/clock.ts";
import type { Db } from "../../platform/db/client.ts";
import { targetSupervisionLevel } from "./sla.ts";
import { OPEN_STATUSES } from "./state-machine.ts";
import { raiseSupervision } from "./transitions.service.ts";
import { findOverdueOpen } from "./work-orders.repo.ts";
import { getCalendar, policyFor } from "./work-orders-context.ts";

/**
 * Escalates overdue open tickets: 催办 when a deadline passes, 督办 and 通报 after the policy's
 * working days. Only ever raises a level to the one the clock calls for, under a row lock, so two
 * runs at once or one after another write each escalation exactly once. `tenantId` limits a run
 * to one tenant (the scheduler runs all).
 */
export async function runEscalation(
  db: Db,
  clock: Clock,
  tenantId?: string,
): Promise<{ checked: number; raised: number }> {
  const now = clock.now();
  const cal = await getCalendar(db);
  let afterSeq = 0;
  let checked = 0;
  let raised = 0;
  for (;;) {
    const batch = await findOverdueOpen(db, now, OPEN_STATUSES, afterSeq, 500, tenantId);
    for (const wo of batch) {
      afterSeq = wo.seqNo;
      checked += 1;
      const policy = await policyFor(
        db,
        wo.tenantId,
        wo.receivedAt,
        WoKindSchema.parse(wo.kind),
        WoCategorySchema.parse(wo.category),
        WoUrgencySchema.parse(wo.urgency),
      );
      const due = wo.acceptedAt === null && wo.acceptDueAt < wo.closeDueAt ? wo.acceptDueAt : wo.closeDueAt;
      const level = targetSupervisionLevel(cal, due, now, policy);
      if (level > wo.supervisionLevel) {
        const actor: SystemActor = { kind: "system", tenantId: wo.tenantId, name: "超期自动督办" };
        const ctx = { db, actor, clock, log: silentLogger, requestId: `escalation-${now.toISOString()}` };
        if (await raiseSupervision(ctx, wo, level, "超过办理期限，系统自动升级督办")) {
          raised += 1;
        }
      }
    }
    if (batch.length < 500) {
      return { checked, raised };
    }
  }
}
