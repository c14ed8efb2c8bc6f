// The dashboard cards no component of their own renders: every card the server sends that says
// its title, its page and its figures (CardFigure), shown the same way — each figure linked to
// the page listing what it counts, a figure asking for attention marked when above zero, and an
// empty state when every figure is zero. The next area's card needs no change here.
import { Figure, SummaryCard } from '../../../components/SummaryCard';
import type { Schemas } from '../../../lib/api';
import { ErrorBanner } from '../../../lib/ui';
import type { AsyncState } from '../../../lib/hooks';
import type { Dashboard } from '../api';

type CardFigure = Schemas['CardFigure'];

interface DescribedCard {
  key: string;
  title: string;
  link: string;
  figures: CardFigure[];
}

/** The cards of the answer that describe themselves, in the server's order, leaving out `rendered`. */
export function describedCards(d: Dashboard | undefined, rendered: readonly string[]): DescribedCard[] {
  if (!d) return [];
  const out: DescribedCard[] = [];
  for (const [key, value] of Object.entries(d.cards as Record<string, unknown>)) {
    if (rendered.includes(key) || !value || typeof value !== 'object') continue;
    const c = value as Partial<DescribedCard>;
    if (typeof c.title === 'string' && typeof c.link === 'string' && Array.isArray(c.figures)) out.push({ key, title: c.title, link: c.link, figures: c.figures });
  }
  return out;
}

function DescribedCardView({ card }: { card: DescribedCard }) {
  const quiet = card.figures.every((f) => f.value === 0);
  return (
    <SummaryCard id={`dash-${card.key}`} title={card.title} to={card.link} testId={`dashboard-card-${card.key}`} error={undefined} loading={false}>
      <div className="figures">
        {card.figures.map((f) => (
          <Figure key={f.key} to={f.link ?? undefined} value={f.value} testId={`dashboard-${card.key}-${f.key}`} className={f.attention && f.value > 0 ? 'figure-attention' : undefined}>
            {f.label}
          </Figure>
        ))}
      </div>
      {quiet ? <p className="muted small" data-testid={`dashboard-${card.key}-empty`}>Nothing needs attention here.</p> : null}
    </SummaryCard>
  );
}

/** Every self-describing card of the answer, and the cards the server could not compute (their error). */
export function DescribedCards({ dash, rendered }: { dash: AsyncState<Dashboard>; rendered: readonly string[] }) {
  const cards = describedCards(dash.data, rendered);
  const failed = Object.entries(dash.data?.errors ?? {}).filter(([key]) => !rendered.includes(key));
  return (
    <>
      {cards.map((c) => (
        <DescribedCardView key={c.key} card={c} />
      ))}
      {failed.map(([key, e]) => (
        <section key={key} className="card" aria-labelledby={`dash-${key}`} data-testid={`dashboard-card-${key}`}>
          <h2 id={`dash-${key}`}>{key.charAt(0).toUpperCase() + key.slice(1).replace(/_/g, ' ')}</h2>
          <ErrorBanner error={new Error(e.detail)} />
        </section>
      ))}
    </>
  );
}
