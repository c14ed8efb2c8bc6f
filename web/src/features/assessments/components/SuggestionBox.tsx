// A suggested level and the records it rests on (offered with its accept key, or shown as the
// basis of an answer that accepted it), the guided page's key legend and its guidance lists.
import type { MaturityLevel } from '../api';
import { keyLegend, type Suggestion } from '../suggestions';

interface Props {
  suggestion: Suggestion;
  levels: readonly MaturityLevel[];
  /** Shown as the basis of the saved answer rather than offered. */
  accepted?: boolean;
  busy?: boolean;
  onAccept?: () => void;
}

export function SuggestionBox({ suggestion, levels, accepted, busy, onAccept }: Props) {
  const name = levels.find((l) => l.level === suggestion.level)?.name ?? '';
  return (
    <section
      className={`suggestion-box${accepted ? ' suggestion-accepted' : ''}`}
      aria-label={accepted ? 'The suggestion this answer accepted' : 'Suggested level'}
      data-testid={accepted ? 'accepted-suggestion' : 'suggestion'}
      data-level={suggestion.level}
      data-rule={suggestion.rule}
    >
      <div className="suggestion-head">
        <span>
          {accepted ? 'Answered from the suggestion' : 'Suggested'}:{' '}
          <strong>
            level {suggestion.level} {name}
          </strong>{' '}
          — {suggestion.basis}
        </span>
        {onAccept ? (
          <button type="button" className="btn btn-small" onClick={onAccept} disabled={busy} aria-keyshortcuts="A" data-testid="accept-suggestion">
            Accept <kbd>A</kbd>
          </button>
        ) : null}
      </div>
      <ul className="suggestion-records" aria-label="Based on" data-testid="suggestion-records">
        {suggestion.records.map((r) => (
          <li key={`${r.kind}:${r.id}`} data-kind={r.kind} data-id={r.id}>
            {r.label ? <span className="mono">{r.label}</span> : null} {r.title}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The keys of the guided page (Enter and the letters also show on their buttons). */
export function KeyLegend({ control }: { control: boolean }) {
  return (
    <p className="key-legend muted small" data-testid="key-legend">
      <span className="sr-only">Keyboard: </span>
      {keyLegend
        .filter((k) => control || k.keys !== 'N')
        .map((k) => (
          <span key={k.keys} className="key-legend-item">
            <kbd>{k.keys}</kbd> {k.does}
          </span>
        ))}
    </p>
  );
}

/** One titled list of the catalog's guidance (nothing when empty). */
export function GuidanceList({ title, items, ordered, testId }: { title: string; items: readonly string[]; ordered?: boolean; testId: string }) {
  if (!items.length) return null;
  const List = ordered ? 'ol' : 'ul';
  return (
    <div>
      <h3>{title}</h3>
      <List className="bullets" data-testid={testId}>
        {items.map((x, i) => (
          <li key={i}>{x}</li>
        ))}
      </List>
    </div>
  );
}
