import type { Actor } from "../../platform/actor.ts";
import type { Db } from "../../platform/db/client.ts";
import { actorFields } from "../audit/audit.service.ts";
import { insertEvent } from "./work-orders.repo.ts";

export type EventInput = {
  tenantId: string;
  workOrderId: string;
  seq: number;
  action: string;
  fromStatus: string | null;
  toStatus: string;
  unitId?: string | null;
  at: Date;
  reason?: string | null;
  attachments?: unknown[];
  data?: Record<string, unknown>;
};

/** Appends one event to a ticket's history (inside the caller's transaction). */
export async function appendEvent(db: Db, actor: Actor, e: EventInput): Promise<void> {
  await insertEvent(db, {
    tenantId: e.tenantId,
    workOrderId: e.workOrderId,
    seq: e.seq,
    action: e.action,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    ...actorFields(actor),
    unitId: e.unitId ?? null,
    at: e.at,
    reason: e.reason ?? null,
    attachments: e.attachments ?? [],
    data: e.data ?? {},
  });
}
