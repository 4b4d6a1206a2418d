/** What grouping needs of a key result: its objective, and that objective's team. */
interface GroupedKeyResult {
  objective: { id: string; title: string; team?: { name: string } | null };
}

/**
 * The key results under their objectives, in the order the server lists
 * them: a key result's title alone rarely says which objective (or whose
 * team) it belongs to.
 */
export function byObjective<K extends GroupedKeyResult>(keyResults: readonly K[]) {
  const groups = new Map<string, { id: string; label: string; keyResults: K[] }>();
  for (const kr of keyResults) {
    const o = kr.objective;
    let group = groups.get(o.id);
    if (!group) {
      group = { id: o.id, label: o.team ? `${o.title} (${o.team.name})` : o.title, keyResults: [] };
      groups.set(o.id, group);
    }
    group.keyResults.push(kr);
  }
  return [...groups.values()];
}
