import {
  type AuditEntry,
  AuditListSchema,
  AuditQuerySchema,
  AuditVerifySchema,
} from "../../../../../packages/contracts/src/audit.ts";
import { userAccess } from "../../platform/http/access-config.ts";
import type { App, RouteDeps } from "../../platform/http/app-types.ts";
import { READ_AUDIT } from "./audit.policy.ts";
import type { AuditRow } from "./audit.repo.ts";
import { findAuditEntries, verifyAuditChain } from "./audit.service.ts";

function toAuditDto(row: AuditRow): AuditEntry {
  const actorType = row.actorType === "user" || row.actorType === "api_key" ? row.actorType : "system";
  const summary =
    row.summary !== null && typeof row.summary === "object" && !Array.isArray(row.summary) ? { ...row.summary } : {};
  return {
    id: row.id,
    at: row.at.toISOString(),
    actorType,
    actorId: row.actorId,
    actorName: row.actorName,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    summary,
    requestId: row.requestId,
    hash: row.hash,
  };
}

export function registerAuditRoutes(app: App, deps: RouteDeps): void {
  const access = { access: userAccess(READ_AUDIT) };
  app.get("/api/audit", {
    config: access,
    schema: {
      tags: ["audit"],
      summary: "审计日志（按可见范围）",
      querystring: AuditQuerySchema,
      response: { 200: AuditListSchema },
    },
    handler: async (req) => {
      const q = req.query;
      const { rows, total } = await findAuditEntries(
        deps.ctx(req),
        {
          action: q.action,
          entityType: q.entityType,
          actor: q.actor,
          from: q.from ? new Date(q.from) : undefined,
          to: q.to ? new Date(q.to) : undefined,
        },
        q,
      );
      return { items: rows.map(toAuditDto), total };
    },
  });
  app.get("/api/audit/verify", {
    config: access,
    schema: { tags: ["audit"], summary: "校验本租户审计哈希链", response: { 200: AuditVerifySchema } },
    handler: async (req) => verifyAuditChain(deps.database.db, deps.ctx(req).actor.tenantId),
  });
}
