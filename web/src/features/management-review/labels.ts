// Words for the management review's values.
export const statusLabel: Record<string, string> = { planned: 'Planned', in_progress: 'In progress', signed_off: 'Signed off' };
export const decisionTypeLabel: Record<string, string> = { improvement: 'Improvement', aims_change: 'Change to the AIMS', resources: 'Resources' };
export const actionStatusLabel: Record<string, string> = { open: 'Open', in_progress: 'In progress', done: 'Done', cancelled: 'Cancelled' };

/** "by_status.open" style figures as readable lines: [label, value]. */
export function figureLines(figures: Record<string, unknown>): [string, string][] {
  const out: [string, string][] = [];
  for (const [k, v] of Object.entries(figures)) {
    const name = k.replace(/_/g, ' ');
    if (typeof v === 'number') out.push([name, String(v)]);
    else if (v && typeof v === 'object')
      out.push([name, Object.entries(v as Record<string, unknown>).map(([sk, sv]) => `${sk.replace(/_/g, ' ')}: ${String(sv)}`).join(', ') || '—']);
  }
  return out;
}
