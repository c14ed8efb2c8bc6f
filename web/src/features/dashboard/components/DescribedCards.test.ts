import { describe, expect, it } from 'vitest';
import type { Dashboard } from '../api';
import { describedCards } from './DescribedCards';

const figure = (key: string, value: number) => ({ key, label: key, value, link: `/${key}`, attention: true });

describe('describedCards', () => {
  it('takes every card that says its title, page and figures, in the answer\'s order, except those rendered', () => {
    const d = {
      cards: {
        systems: { total: 1, by_class: {}, by_stage: {}, by_status: {} },
        documents: { title: 'Controlled documents', link: '/documents', figures: [figure('overdue_reviews', 2)] },
        incidents: { title: 'Incidents', link: '/incidents', figures: [figure('open', 0)] },
        scope: { title: 'Scope', link: '/scope', figures: [], drift: 0 },
        odd: { title: 'No figures', link: '/odd' },
      },
      errors: {},
      due_this_month: { items: [] },
    } as unknown as Dashboard;
    expect(describedCards(d, ['systems', 'scope']).map((c) => [c.key, c.title, c.figures.length])).toEqual([
      ['documents', 'Controlled documents', 1],
      ['incidents', 'Incidents', 1],
    ]);
    expect(describedCards(undefined, [])).toEqual([]);
  });
});
