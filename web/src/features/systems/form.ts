// The AI system form as plain values, and the conversions between it and the API shapes.
// Pure functions, unit-tested in form.test.ts.
import type { AiSystem, AiSystemInput, AiSystemPatch } from './api';
import { allFields, derivedKeys, type FieldDef } from './fields';

/** Text and select fields are strings ('' = not set), lists are one entry per line, flags are booleans. */
export type FormValues = Record<string, string | boolean>;

/** Splits one-per-line text into entries: trimmed, blank lines dropped. */
export function parseLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

export function joinLines(items: readonly string[] | undefined): string {
  return (items ?? []).join('\n');
}

/** A blank form for a new system. Selects start unset so the server's defaults apply. */
export function emptyForm(): FormValues {
  const v: FormValues = {};
  for (const f of allFields) v[f.key] = f.kind === 'bool' ? false : '';
  return v;
}

/** The form filled from a stored system. */
export function formFromSystem(s: AiSystem): FormValues {
  const v: FormValues = {};
  for (const f of allFields) {
    const raw = (s as Record<string, unknown>)[f.key];
    if (f.kind === 'lines') v[f.key] = joinLines(Array.isArray(raw) ? (raw as string[]) : []);
    else if (f.kind === 'bool') v[f.key] = raw === true;
    else v[f.key] = typeof raw === 'string' ? raw : '';
  }
  return v;
}

function apiValue(f: FieldDef, v: string | boolean | undefined): unknown {
  if (f.kind === 'lines') return parseLines(typeof v === 'string' ? v : '');
  if (f.kind === 'bool') return v === true;
  return typeof v === 'string' ? (f.kind === 'select' ? v : v.trim()) : '';
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The body to create a system with: name and purpose always, flags always (what the form shows is
 * what is stored), any other field only when filled in; never the fields the classification sets.
 */
export function inputFromForm(v: FormValues): AiSystemInput {
  const out: Record<string, unknown> = {};
  for (const f of allFields) {
    if (derivedKeys.has(f.key)) continue;
    const value = apiValue(f, v[f.key]);
    const empty = value === '' || (Array.isArray(value) && value.length === 0);
    if (f.key === 'name' || f.key === 'purpose' || f.kind === 'bool' || !empty) out[f.key] = value;
  }
  return out as AiSystemInput;
}

/** Only the fields the user changed, for PATCH (an empty object means nothing changed). */
export function patchFromForm(original: AiSystem, v: FormValues): AiSystemPatch {
  const out: Record<string, unknown> = {};
  const before = original as Record<string, unknown>;
  for (const f of allFields) {
    if (derivedKeys.has(f.key)) continue;
    const value = apiValue(f, v[f.key]);
    const old = before[f.key] ?? (f.kind === 'lines' ? [] : f.kind === 'bool' ? false : '');
    if (!same(value, old)) out[f.key] = value;
  }
  return out as AiSystemPatch;
}

/** Errors the browser can find before asking the server: required fields only. */
export function clientErrors(v: FormValues): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const f of allFields) {
    if ((f.kind === 'text' || f.kind === 'textarea') && f.required && !(typeof v[f.key] === 'string' && (v[f.key] as string).trim())) {
      errors[f.key] = `${f.label} is required.`;
    }
  }
  return errors;
}
