import { ROLE_LABELS, ROLES } from "../../../../../packages/contracts/src/common.ts";

export const ROLE_OPTIONS = ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));
