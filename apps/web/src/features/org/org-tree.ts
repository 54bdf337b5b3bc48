import type { OrgUnit } from "../../../../../packages/contracts/src/org.ts";

export type OrgNode = {
  key: string;
  title: string;
  unit: OrgUnit;
  children: OrgNode[];
  isLeaf: boolean;
};

export type OrgTree = {
  roots: OrgNode[];
  byId: Map<string, OrgNode>;
  /** Ids of the nodes that have children in this list, for "expand all". */
  branchIds: string[];
};

/**
 * Turns the server's flat list into a forest, keeping the server's order.
 * A unit whose parent is not in the list (outside the user's scope) becomes a root.
 */
export function buildOrgTree(units: readonly OrgUnit[]): OrgTree {
  const byId = new Map<string, OrgNode>();
  for (const unit of units) {
    byId.set(unit.id, { key: unit.id, title: unit.name, unit, children: [], isLeaf: true });
  }
  const roots: OrgNode[] = [];
  for (const node of byId.values()) {
    const parent = node.unit.parentId === null ? undefined : byId.get(node.unit.parentId);
    if (parent) {
      parent.children.push(node);
      parent.isLeaf = false;
    } else {
      roots.push(node);
    }
  }
  const branchIds = [...byId.values()].filter((n) => !n.isLeaf).map((n) => n.key);
  return { roots, byId, branchIds };
}

export type OrgSelectNode = { value: string; title: string; children: OrgSelectNode[] };

export function toSelectTree(nodes: readonly OrgNode[]): OrgSelectNode[] {
  return nodes.map((n) => ({ value: n.key, title: n.title, children: toSelectTree(n.children) }));
}
