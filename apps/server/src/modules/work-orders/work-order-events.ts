import { sql } from "drizzle-orm";
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

/**
 * The first event and the caller of a new ticket in one statement: intake is the hot path, and
 * every round trip inside its transaction counts.
 */
export async function appendFirstEventAndContact(
  db: Db,
  actor: Actor,
  e: EventInput,
  contact: { id: string; name: string | null; phone: string | null } | null,
): Promise<void> {
  const a = actorFields(actor);
  await db.execute(sql`
    with ev as (
      insert into work_order_events (tenant_id, work_order_id, seq, action, from_status, to_status, actor_type, actor_id,
        actor_name, unit_id, at, reason, attachments, data)
      values (${e.tenantId}, ${e.workOrderId}, ${e.seq}, ${e.action}, ${e.fromStatus}, ${e.toStatus}, ${a.actorType},
        ${a.actorId}, ${a.actorName}, ${e.unitId ?? null}, ${e.at.toISOString()}::timestamptz, ${e.reason ?? null},
        ${JSON.stringify(e.attachments ?? [])}::jsonb, ${JSON.stringify(e.data ?? {})}::jsonb)
    )
    insert into work_order_contacts (id, tenant_id, work_order_id, name, phone)
    select ${contact?.id ?? null}::uuid, ${e.tenantId}::uuid, ${e.workOrderId}::uuid, ${contact?.name ?? null}, ${contact?.phone ?? null}
    where ${contact !== null}`);
}
