// How the people pages write a moment: a UTC time as "YYYY-MM-DD HH:MM UTC". Pure function.

/** A UTC time as "YYYY-MM-DD HH:MM UTC", or `none` when there is none. */
export function when(at: string | null | undefined, none = '—'): string {
  return at ? `${at.slice(0, 16).replace('T', ' ')} UTC` : none;
}
