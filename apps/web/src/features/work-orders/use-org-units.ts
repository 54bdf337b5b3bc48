import { useMemo } from "react";
import type { OrgKind, OrgUnit } from "../../../../../packages/contracts/src/org.ts";
import { useWholeOrgTree } from "../org/org-api.ts";
import { buildOrgTree, type OrgNode } from "../org/org-tree.ts";

const TOWN_KINDS: readonly OrgKind[] = ["street", "town"];
const COMMUNITY_KINDS: readonly OrgKind[] = ["community", "village"];
/** Units a ticket may be dispatched to (the server rejects the district and the bureau itself). */
export const DISPATCH_KINDS: readonly OrgKind[] = [
  "department",
  "department_unit",
  "bureau_unit",
  "street",
  "town",
  "community",
  "village",
];

export type UnitTreeNode = {
  value: string;
  title: string;
  selectable: boolean;
  children: UnitTreeNode[];
};

function toDispatchTree(nodes: readonly OrgNode[]): UnitTreeNode[] {
  return nodes.map((n) => ({
    value: n.key,
    title: n.title,
    // Containers stay visible as structure but cannot be picked.
    selectable: DISPATCH_KINDS.includes(n.unit.kind),
    children: toDispatchTree(n.children),
  }));
}

/** The visible organisation, with the slices the ticket pages need (towns, villages, dispatch targets). */
export function useOrgUnits() {
  const { data, isFetching: loading } = useWholeOrgTree();
  return useMemo(() => {
    const units: OrgUnit[] = data?.units ?? [];
    const tree = buildOrgTree(units);
    const towns = units.filter((u) => TOWN_KINDS.includes(u.kind));
    return {
      loading,
      units,
      nameOf: (id: string) => tree.byId.get(id)?.unit.name,
      towns,
      communitiesOf: (townId: string) =>
        units.filter((u) => u.parentId === townId && COMMUNITY_KINDS.includes(u.kind) && u.code !== null),
      dispatchTree: toDispatchTree(tree.roots),
      rootIds: tree.roots.map((r) => r.key),
    };
  }, [data, loading]);
}
