// The heat map: the criteria's likelihood × impact matrix twice, inherent and residual, each cell
// in its level's colour with the number of open risks in it. With `onCell`, cells with risks are
// buttons (the register filters by the cell); the acceptance threshold's cells are outlined.
import type { RiskHeatmap } from '../api';
import { levelOf, textOn, type Which } from '../risks';

interface Props {
  map: RiskHeatmap;
  onCell?: (which: Which, likelihood: number, impact: number) => void;
  selected?: { which: Which; likelihood: number; impact: number };
  /** Only one of the two grids. */
  only?: Which;
}

/** The matrix's last row: the axes' names and the impact scale's values, 1 first. */
export function AxisRow({ impact }: { impact: readonly { label: string; description?: string | null }[] }) {
  return (
    <tr>
      <th scope="row" className="heat-axis">
        likelihood ↑ · impact →
      </th>
      {impact.map((s, idx) => (
        <th key={idx} scope="col" title={s.description ?? undefined}>
          {idx + 1} {s.label}
        </th>
      ))}
    </tr>
  );
}

function Grid({ map, which, onCell, selected }: Props & { which: Which }) {
  const counts = map[which];
  const nl = map.likelihood.length;
  const thresholdRank = map.levels.findIndex((l) => l.id === map.acceptance_threshold);
  const title = which === 'inherent' ? 'Inherent risk' : 'Residual risk';
  return (
    <table className="heatmap" data-testid={`heatmap-${which}`}>
      <caption>
        {title} <span className="muted small">({counts.flat().reduce((s, n) => s + n, 0)})</span>
      </caption>
      <tbody>
        {Array.from({ length: nl }, (_, k) => nl - k).map((l) => (
          <tr key={l}>
            <th scope="row" title={map.likelihood[l - 1]?.description}>
              {l} {map.likelihood[l - 1]?.label}
            </th>
            {map.impact.map((imp, idx) => {
              const i = idx + 1;
              const n = counts[l - 1]?.[i - 1] ?? 0;
              const level = levelOf(map, l, i);
              const colour = level?.colour ?? '#cccccc';
              const rank = map.levels.findIndex((x) => x.id === level?.id);
              const isSelected = selected?.which === which && selected.likelihood === l && selected.impact === i;
              const cls = `heat-cell${n ? '' : ' empty-cell'}${isSelected ? ' selected' : ''}${rank === thresholdRank ? ' threshold' : ''}`;
              const label = `${title}: likelihood ${l} ${map.likelihood[l - 1]?.label ?? ''}, impact ${i} ${imp.label}, ${level?.name ?? ''}: ${n} risk${n === 1 ? '' : 's'}`;
              const style = { background: colour, color: textOn(colour) };
              return (
                <td key={i}>
                  {onCell && n > 0 ? (
                    <button type="button" className={cls} style={style} aria-label={label} aria-pressed={isSelected} data-cell={`${l},${i}`} onClick={() => onCell(which, l, i)}>
                      {n}
                    </button>
                  ) : (
                    <span className={cls} style={style} title={label} data-cell={`${l},${i}`}>
                      {n || '·'}
                    </span>
                  )}
                </td>
              );
            })}
          </tr>
        ))}
        <AxisRow impact={map.impact} />
      </tbody>
    </table>
  );
}

export function HeatMap(props: Props) {
  const { map } = props;
  return (
    <div>
      <div className="heatmaps">
        {props.only !== 'residual' ? <Grid {...props} which="inherent" /> : null}
        {props.only !== 'inherent' ? <Grid {...props} which="residual" /> : null}
      </div>
      <div className="heat-legend" aria-label="Levels">
        {map.levels.map((l) => (
          <span key={l.id}>
            <span className="swatch" style={{ background: l.colour }} aria-hidden="true" />
            {l.name}
            {l.id === map.acceptance_threshold ? <span className="muted small"> (highest acceptable, dashed)</span> : null}
          </span>
        ))}
      </div>
    </div>
  );
}
