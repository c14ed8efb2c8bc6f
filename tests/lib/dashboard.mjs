// What every member of an organization reads alike on the dashboard: its answer without the
// caller's own figures (the actions card's `mine_*`, docs/actions.md). Tests that compare the
// dashboards of two callers compare these.

/** A copy of the dashboard answer `d` (or of its `cards`) without the caller's own figures. */
export function sharedDashboard(d) {
  const out = structuredClone(d);
  const cards = out.cards ?? out;
  const actions = cards.actions;
  if (!actions) return out;
  for (const k of Object.keys(actions)) {
    if (k.startsWith('mine_')) delete actions[k];
    else if (Array.isArray(actions[k])) actions[k] = actions[k].filter((f) => !String(f.key).startsWith('mine_'));
  }
  return out;
}
