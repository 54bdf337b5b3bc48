import {
  type AppointmentSettings,
  AppointmentSettingsSchema,
  DEFAULT_APPOINTMENT_SETTINGS,
} from "../../../../../packages/contracts/src/appointments.ts";
import type { Ctx } from "../../platform/actor.ts";
import type { Db } from "../../platform/db/client.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { authorizeOnTenantRoot, EDIT_BOOKING_RULES } from "../org/tenant-settings.policy.ts";
import { readSettingsRow, upsertSettingsRow } from "./halls.repo.ts";

/** The tenant's booking limits; fields not stored take the domain-rules §4 defaults. */
export async function getAppointmentSettings(db: Db, tenantId: string): Promise<AppointmentSettings> {
  const stored = AppointmentSettingsSchema.partial().safeParse(await readSettingsRow(db, tenantId));
  return { ...DEFAULT_APPOINTMENT_SETTINGS, ...(stored.success ? stored.data : {}) };
}

/** Replaces the tenant's limits. @throws forbidden */
export async function updateAppointmentSettings(ctx: Ctx, input: AppointmentSettings): Promise<AppointmentSettings> {
  await authorizeOnTenantRoot(ctx, EDIT_BOOKING_RULES);
  const before = await getAppointmentSettings(ctx.db, ctx.actor.tenantId);
  await ctx.db.transaction(async (tx) => {
    await upsertSettingsRow(tx, ctx.actor.tenantId, input);
    await recordAudit(
      { ...ctx, db: tx },
      { action: "appointments.settings.update", entityType: "appointment_settings", summary: { before, after: input } },
    );
  });
  return input;
}
