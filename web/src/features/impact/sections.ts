// The sections of the impact assessment form, after the documentation elements of ISO/IEC 42005,
// with labels and help texts in our own words.
import type { TextField } from './form';

export interface SimpleField {
  key: TextField | 'assessors' | 'data_sources';
  label: string;
  hint?: string;
  kind: 'text' | 'textarea' | 'lines' | 'date';
  max?: number;
  required?: boolean;
  /** Marks the fields the EU AI Act Art. 27 view reads. */
  fria?: string;
}

export interface Section {
  id: string;
  title: string;
  intro: string;
  fields: SimpleField[];
}

export const sections: Section[] = [
  {
    id: 'scope',
    title: '1. Scope of the assessment',
    intro: 'Say what this assessment looks at, who did it, and when it must be looked at again.',
    fields: [
      { key: 'title', label: 'Title', kind: 'text', max: 200, required: true },
      { key: 'scope', label: 'What the assessment covers', kind: 'textarea', hint: 'The uses, places, people and time span included — and what is left out.' },
      { key: 'assessors', label: 'Assessors', kind: 'lines', hint: 'One person or role per line.' },
      { key: 'next_review_date', label: 'Next review date', kind: 'date', hint: 'Approval needs a date after today; the assessment shows as due again from that day.' },
    ],
  },
  {
    id: 'system',
    title: '2. AI system information',
    intro: 'What the system is for and how it could be used in ways nobody intended.',
    fields: [
      { key: 'purpose', label: 'Purpose', kind: 'textarea', required: true },
      { key: 'intended_uses', label: 'Intended uses', kind: 'textarea', required: true, hint: 'Who uses it, for which decisions or tasks, and under which conditions.' },
      { key: 'unintended_uses', label: 'Foreseeable unintended uses and misuse', kind: 'textarea', hint: 'Uses outside the intended ones that people could reasonably be expected to try.' },
    ],
  },
  {
    id: 'data',
    title: '3. Data information and quality',
    intro: 'Where the data comes from and how you know it is fit for this use.',
    fields: [
      { key: 'data_sources', label: 'Data sources', kind: 'lines', hint: 'One source per line.' },
      { key: 'data_quality', label: 'Data quality and provenance', kind: 'textarea', hint: 'Checks for accuracy, completeness and representativeness; known gaps and biases.' },
    ],
  },
  {
    id: 'model',
    title: '4. Algorithm and model information',
    intro: 'How the system reaches its outputs, in terms a reviewer can follow.',
    fields: [
      { key: 'model_type', label: 'Model type', kind: 'text', max: 200 },
      { key: 'model_information', label: 'How the model works and its limits', kind: 'textarea', hint: 'Training, validation, known failure modes and performance limits.' },
    ],
  },
  {
    id: 'deployment',
    title: '5. Deployment environment',
    intro: 'Where and how the system runs, and how people keep it under control.',
    fields: [
      { key: 'deployment_context', label: 'Deployment environment', kind: 'textarea', required: true, hint: 'Settings, regions and languages, systems it connects to, constraints.' },
      { key: 'processes', label: 'Processes in which the system is used', kind: 'textarea', fria: '(a)' },
      { key: 'period_and_frequency', label: 'Period and frequency of use', kind: 'textarea', fria: '(b)', hint: 'From when, for how long and how often.' },
      { key: 'human_oversight', label: 'Human oversight', kind: 'textarea', fria: '(e)', hint: 'Who can check, correct, override or stop the system, and how.' },
    ],
  },
];

export const governanceField: SimpleField = {
  key: 'governance_and_complaints',
  label: 'Internal governance and complaint mechanisms',
  kind: 'textarea',
  fria: '(f)',
  hint: 'Who acts when a harm happens, how it is escalated, and how affected people can complain or ask for a human review.',
};
