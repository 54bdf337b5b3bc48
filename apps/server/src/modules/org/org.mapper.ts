import type { OrgKind, OrgUnit } from "../../../../../packages/contracts/src/org.ts";
import { OrgKindSchema } from "../../../../../packages/contracts/src/org.ts";
import type { OrgUnitWithCount } from "./org.repo.ts";

export function toOrgUnitDto(row: OrgUnitWithCount): OrgUnit {
  const kind: OrgKind = OrgKindSchema.parse(row.kind);
  return {
    id: row.id,
    parentId: row.parentId,
    code: row.code,
    name: row.name,
    kind,
    depth: row.depth,
    childCount: row.childCount,
  };
}
