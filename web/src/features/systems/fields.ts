// The AI system's fields, grouped as people read them. The detail view and the form both render
// from this one table, so a field added here shows up in both.
import {
  euAiActClassLabels,
  humanOversightLabels,
  lifecycleStageLabels,
  organizationRoleLabels,
  statusLabels,
} from '../../lib/labels';
import type { AiSystem } from './api';

/** Names a field of the API's AiSystem; a key the contract does not have fails the build. */
type Key<K extends keyof AiSystem> = K;
type TextKey = Key<'name' | 'purpose' | 'intended_use' | 'foreseeable_misuse' | 'owner' | 'model_type' | 'deployment_context' | 'human_oversight_notes' | 'eu_ai_act_basis' | 'eu_ai_act_rationale'>;
type ListKey = Key<'data_sources' | 'third_party_components' | 'suppliers' | 'affected_people' | 'tags'>;
type SelectKey = Key<'organization_role' | 'lifecycle_stage' | 'human_oversight' | 'eu_ai_act_class' | 'status'>;
type BoolKey = Key<'gpai'>;

export type FieldDef =
  | { key: TextKey; label: string; kind: 'text' | 'textarea'; max: number; required?: boolean; hint?: string }
  | { key: ListKey; label: string; kind: 'lines'; hint?: string }
  | { key: SelectKey; label: string; kind: 'select'; options: Record<string, string>; hint?: string }
  | { key: BoolKey; label: string; kind: 'bool'; hint?: string };

export type FieldKey = FieldDef['key'];

export interface FieldGroup {
  id: string;
  title: string;
  fields: FieldDef[];
}

const linesHint = 'One per line.';

export const fieldGroups: FieldGroup[] = [
  {
    id: 'purpose',
    title: 'Purpose & use',
    fields: [
      { key: 'name', label: 'Name', kind: 'text', max: 200, required: true },
      { key: 'purpose', label: 'Purpose', kind: 'textarea', max: 4000, required: true, hint: 'What the system is for, in a sentence or two.' },
      { key: 'intended_use', label: 'Intended use', kind: 'textarea', max: 4000 },
      { key: 'foreseeable_misuse', label: 'Reasonably foreseeable misuse', kind: 'textarea', max: 4000 },
      { key: 'deployment_context', label: 'Deployment context', kind: 'textarea', max: 4000, hint: 'Where and how it runs, and for whom.' },
      { key: 'tags', label: 'Tags', kind: 'lines', hint: linesHint },
    ],
  },
  {
    id: 'ownership',
    title: 'Ownership & role',
    fields: [
      { key: 'owner', label: 'Owner', kind: 'text', max: 200, hint: 'The person or team accountable for the system.' },
      { key: 'organization_role', label: 'Our role for this system', kind: 'select', options: organizationRoleLabels },
      { key: 'status', label: 'Status', kind: 'select', options: statusLabels },
    ],
  },
  {
    id: 'lifecycle',
    title: 'Life cycle & model',
    fields: [
      { key: 'lifecycle_stage', label: 'Life-cycle stage', kind: 'select', options: lifecycleStageLabels, hint: 'Stages of ISO/IEC 22989.' },
      { key: 'model_type', label: 'Model type', kind: 'text', max: 200, hint: 'E.g. gradient-boosted trees, fine-tuned language model.' },
    ],
  },
  {
    id: 'data',
    title: 'Data & suppliers',
    fields: [
      { key: 'data_sources', label: 'Data sources', kind: 'lines', hint: linesHint },
      { key: 'third_party_components', label: 'Third-party components', kind: 'lines', hint: linesHint },
      { key: 'suppliers', label: 'Suppliers', kind: 'lines', hint: linesHint },
    ],
  },
  {
    id: 'people',
    title: 'People & oversight',
    fields: [
      { key: 'affected_people', label: 'Affected people', kind: 'lines', hint: linesHint },
      { key: 'human_oversight', label: 'Human oversight', kind: 'select', options: humanOversightLabels },
      { key: 'human_oversight_notes', label: 'Human oversight notes', kind: 'textarea', max: 4000 },
    ],
  },
  {
    id: 'euaiact',
    title: 'EU AI Act',
    fields: [
      { key: 'eu_ai_act_class', label: 'Classification', kind: 'select', options: euAiActClassLabels },
      { key: 'eu_ai_act_basis', label: 'Legal basis', kind: 'text', max: 200 },
      { key: 'eu_ai_act_rationale', label: 'Rationale', kind: 'textarea', max: 4000 },
      { key: 'gpai', label: 'Built on or is a general-purpose AI model', kind: 'bool' },
    ],
  },
];

export const allFields: FieldDef[] = fieldGroups.flatMap((g) => g.fields);

/**
 * Fields set by the EU AI Act classification: the form shows them read-only and never sends them
 * (the server refuses another value).
 */
export const derivedKeys: ReadonlySet<FieldKey> = new Set<FieldKey>(['eu_ai_act_class', 'eu_ai_act_basis', 'eu_ai_act_rationale']);

/** Label of a field key as used in history entries and error tables. */
export function fieldLabel(key: string): string {
  return allFields.find((f) => f.key === key)?.label ?? key;
}

