// Labels of the EU AI Act enumerations.
import type { ClassificationResult, EuActRole, ObligationStatus } from './api';

export const resultClassLabels: Record<ClassificationResult['class'], string> = {
  prohibited: 'Prohibited', high_risk: 'High-risk', gpai_systemic: 'General-purpose AI model with systemic risk',
  gpai_model: 'General-purpose AI model', high_risk_exempt: 'Not high-risk under Art. 6(3)', transparency: 'Transparency duties',
  minimal: 'Minimal risk',
};

export const euActRoleLabels: Record<EuActRole, string> = {
  provider: 'Provider', deployer: 'Deployer', importer: 'Importer', distributor: 'Distributor',
  product_manufacturer: 'Product manufacturer', authorised_representative: 'Authorised representative',
};

export const obligationStatusLabels: Record<ObligationStatus, string> = {
  not_started: 'Not started', in_progress: 'In progress', met: 'Met', not_applicable: 'Not applicable',
};

