/** Keeps the units matching `q` (name or code) and every ancestor of a match, so the tree stays connected. */
export function filterTreeByQuery<T extends { id: string; parentId: string | null; name: string; code: string | null }>(
  units: readonly T[],
  q: string,
): T[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const keep = new Set<string>();
  for (const u of units) {
    if (u.name.includes(q) || (u.code?.startsWith(q) ?? false)) {
      let cur: T | undefined = u;
      while (cur && !keep.has(cur.id)) {
        keep.add(cur.id);
        cur = cur.parentId ? byId.get(cur.parentId) : undefined;
      }
    }
  }
  return units.filter((u) => keep.has(u.id));
}
