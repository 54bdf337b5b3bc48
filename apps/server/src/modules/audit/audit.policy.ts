import { action } from "../../platform/access-can.ts";

/** Who reads the audit log: administrators and auditors, each within their subtree. */
export const READ_AUDIT = action("audit.read", ["admin", "auditor"]);
