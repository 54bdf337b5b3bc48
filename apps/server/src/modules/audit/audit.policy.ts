import type { Role } from "../../../../../packages/contracts/src/common.ts";

/** Who reads the audit log: administrators and auditors, each within their subtree. */
export const AUDIT_READ_ROLES: readonly Role[] = ["admin", "auditor"];
