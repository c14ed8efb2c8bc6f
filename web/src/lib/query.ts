// Query strings: built from plain objects, with empty values left out.

export type QueryValue = string | number | boolean | null | undefined;

/** `?a=1&b=x` from an object; undefined, null and '' are skipped; '' when nothing is left. */
export function buildQuery(params: Record<string, QueryValue> | undefined): string {
  if (!params) return '';
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '') continue;
    sp.append(k, String(v));
  }
  const s = sp.toString();
  return s ? `?${s}` : '';
}

/** Fills `{name}` placeholders of an API path with URL-encoded values. */
export function fillPath(template: string, params: Record<string, string | number> | undefined): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const v = params?.[name];
    if (v === undefined) throw new Error(`missing path parameter ${name} for ${template}`);
    return encodeURIComponent(String(v));
  });
}

/** Picks the given keys from URLSearchParams, leaving out absent and empty ones. */
export function pickParams<K extends string>(sp: URLSearchParams, keys: readonly K[]): Partial<Record<K, string>> {
  const out: Partial<Record<K, string>> = {};
  for (const k of keys) {
    const v = sp.get(k);
    if (v !== null && v !== '') out[k] = v;
  }
  return out;
}
