import { AuditListSchema, AuditVerifySchema } from "../../../../../packages/contracts/src/audit.ts";
import { api } from "../../api/client.ts";

export type AuditQuery = {
  action?: string | undefined;
  entityType?: string | undefined;
  actor?: string | undefined;
  /** ISO 8601 instants. */
  from?: string | undefined;
  to?: string | undefined;
  page: number;
  pageSize: number;
};

export const auditKeys = {
  all: ["audit"] as const,
  list: (query: AuditQuery) => [...auditKeys.all, "list", query] as const,
};

export const auditApi = {
  list: (query: AuditQuery, signal?: AbortSignal) => api.get("/api/audit", AuditListSchema, query, signal),
  verify: () => api.get("/api/audit/verify", AuditVerifySchema),
};
