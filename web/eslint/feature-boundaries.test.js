import { RuleTester } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import { describe, it } from 'vitest';
import { featureBoundaries } from './feature-boundaries.js';

RuleTester.describe = describe;
RuleTester.it = it;

const tester = new RuleTester({ languageOptions: { parser: tsParser, ecmaVersion: 'latest', sourceType: 'module' } });
const risks = '/w/web/src/features/risks/components/RiskForm.tsx';

tester.run('feature-boundaries', featureBoundaries, {
  valid: [
    { filename: risks, code: "import { listSystems } from '../../systems';" },
    { filename: risks, code: "import { listSystems } from '../../systems/index';" },
    { filename: risks, code: "import { getRisk } from '../api';" },
    { filename: risks, code: "import { useAsync } from '../../../lib/hooks';" },
    { filename: risks, code: "import { Pager } from '../../../components/records/ListParts';" },
    { filename: risks, code: "import { useState } from 'react';" },
    { filename: '/w/web/src/registry.tsx', code: "const p = () => import('./features/risks/components/RiskForm');" },
    {
      filename: '/w/web/src/features/dashboard/components/DashboardPage.tsx',
      code: "import { RisksDashboardCard } from '../../risks/components/RisksDashboardCard';",
      options: [{ exempt: ['/src/features/dashboard/'] }],
    },
  ],
  invalid: [
    { filename: risks, code: "import { listSystems } from '../../systems/api';", errors: [{ messageId: 'internal' }] },
    { filename: risks, code: "export { useSession } from '../../auth/components/SessionProvider';", errors: [{ messageId: 'internal' }] },
    { filename: risks, code: "const m = import('../../audit/proofs');", errors: [{ messageId: 'internal' }] },
    {
      filename: '/w/web/src/components/records/RecordHistory.tsx',
      code: "import { ProofStatus } from '../../features/audit/components/ProofStatus';",
      errors: [{ messageId: 'internal' }],
    },
  ],
});
