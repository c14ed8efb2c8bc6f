// Words for the internal audit's values.
export const resultLabels: Record<string, string> = {
  conforming: 'Conforming',
  nc_raised: 'Nonconformity raised',
  observation: 'Observation',
  ofi: 'Opportunity for improvement',
  not_sampled: 'Not sampled',
};

export const findingLabels: Record<string, string> = {
  major_nc: 'Major nonconformity',
  minor_nc: 'Minor nonconformity',
  observation: 'Observation',
  ofi: 'Opportunity for improvement',
};

export const statusLabels: Record<string, string> = {
  planned: 'Planned',
  in_progress: 'In progress',
  reported: 'Reported',
  signed_off: 'Signed off',
  cancelled: 'Cancelled',
};

/** Whether a finding is a nonconformity (it opens an NC record). */
export function isNonconformity(type: string): boolean {
  return type === 'major_nc' || type === 'minor_nc';
}

/** "A, B" → ["A", "B"]: ids typed in one field. */
export function idList(text: string): string[] {
  return text.split(/[\s,]+/).map((s) => s.trim()).filter((s) => s.length > 0);
}
