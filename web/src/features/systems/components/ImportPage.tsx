// CSV import: check the file first (dry run), show every row error, then import for real.
import { useRef, useState, type FormEvent } from 'react';
import { Link, Navigate } from 'react-router-dom';
import { DataTable } from '../../../components/DataTable';
import { Breadcrumbs } from '../../../components/RecordPage';
import { ApiError } from '../../../lib/api';
import { useTitle } from '../../../lib/hooks';
import { problemMessage, rowErrors, type Problem } from '../../../lib/problem';
import { Banner, ErrorBanner, sentence } from '../../../lib/ui';
import { useSession } from '../../auth';
import { importCsv, type ImportResult } from '../api';

type Step =
  | { kind: 'idle' }
  | { kind: 'checked'; result: ImportResult }
  | { kind: 'invalid'; problem: Problem }
  | { kind: 'imported'; result: ImportResult };

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function ImportPage() {
  useTitle('Import AI systems');
  const session = useSession();
  const [file, setFile] = useState<File | null>(null);
  const [csv, setCsv] = useState<string>('');
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  if (!session.canManage) return <Navigate to="/systems" replace />;

  async function run(dryRun: boolean, text: string) {
    setBusy(true);
    setError(null);
    try {
      const result = await importCsv(text, dryRun);
      setStep({ kind: dryRun ? 'checked' : 'imported', result });
    } catch (e) {
      if (e instanceof ApiError && e.status === 422) setStep({ kind: 'invalid', problem: e.problem });
      else {
        setStep({ kind: 'idle' });
        setError(e);
      }
    } finally {
      setBusy(false);
    }
  }

  async function check(e: FormEvent) {
    e.preventDefault();
    if (!file) {
      setError(new Error('Choose a CSV file first.'));
      return;
    }
    const text = await file.text();
    setCsv(text);
    await run(true, text);
  }

  function choose(f: File | null) {
    setFile(f);
    setStep({ kind: 'idle' });
    setError(null);
  }

  const errors = step.kind === 'invalid' ? rowErrors(step.problem) : [];
  const otherErrors = step.kind === 'invalid' ? (step.problem.errors ?? []).filter((x) => x.row === undefined) : [];

  return (
    <div className="page page-narrow">
      <Breadcrumbs links={[['/systems', 'AI systems']]}>Import</Breadcrumbs>
      <h1>Import AI systems from CSV</h1>
      <p className="muted">
        Use the columns of <strong>Export CSV</strong>, with a header row. Rows with an <code>id</code> update that AI system; rows without one
        register a new one. The import is all or nothing: if any row is invalid, nothing is stored. The file is checked first, so you see
        every problem before anything changes.
      </p>

      <form className="card import-form" onSubmit={(e) => void check(e)}>
        <div className="field">
          <label htmlFor="import-file">CSV file</label>
          <input
            ref={input}
            id="import-file"
            type="file"
            accept=".csv,text/csv"
            data-testid="import-file"
            onChange={(e) => choose(e.target.files?.[0] ?? null)}
          />
        </div>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={!file || busy} data-testid="import-check">
            {busy && step.kind === 'idle' ? 'Checking…' : 'Check file'}
          </button>
        </div>
      </form>

      <ErrorBanner error={error} title="The file could not be checked." />

      {step.kind === 'checked' ? (
        <section className="card" data-testid="import-checked" aria-live="polite">
          <h2>The file is valid</h2>
          <p>
            Importing it will register <strong>{plural(step.result.created, 'new AI system')}</strong> and update{' '}
            <strong>{plural(step.result.updated, 'existing one')}</strong>.
          </p>
          {step.result.warnings.length > 0 ? (
            <ul data-testid="import-warnings">
              {step.result.warnings.map((w, i) => (
                <li key={i}>
                  <code>{w.field}</code> {w.message}{w.field === 'in_scope' ? <> (<Link to="/scope">AIMS scope</Link>)</> : null}
                </li>
              ))}
            </ul>
          ) : null}
          <div className="form-actions">
            <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void run(false, csv)} data-testid="import-run">
              {busy ? 'Importing…' : 'Import'}
            </button>
            <button type="button" className="btn" disabled={busy} onClick={() => { choose(null); if (input.current) input.current.value = ''; }}>
              Choose another file
            </button>
          </div>
        </section>
      ) : null}

      {step.kind === 'invalid' ? (
        <section className="card card-error" data-testid="import-errors" aria-live="polite">
          <h2>The file has errors; nothing was imported</h2>
          <p>{problemMessage(step.problem)}</p>
          {errors.length > 0 ? (
            <DataTable columns={['Row', 'Field', 'Message']} className="table-compact" caption="Errors by row (the header is row 1)">
              {errors.map((x, i) => (
                <tr key={`${x.row}-${x.field}-${i}`}>
                  <td>{x.row}</td>
                  <td>{x.field ? <code>{x.field}</code> : "—"}</td>
                  <td>{sentence(x.message)}</td>
                </tr>
              ))}
            </DataTable>
          ) : null}
          {otherErrors.length > 0 ? (
            <ul>
              {otherErrors.map((x, i) => (
                <li key={i}>
                  {x.field ? `${x.field}: ` : ''}
                  {sentence(x.message)}
                </li>
              ))}
            </ul>
          ) : null}
          <p className="muted import-hint">Fix the file and choose it again.</p>
        </section>
      ) : null}

      {step.kind === 'imported' ? (
        <Banner kind="success" testId="import-done">
          <p>
            <strong>Imported.</strong> {plural(step.result.created, 'AI system')} registered, {step.result.updated} updated.
          </p>
          <Link to="/systems" className="btn">
            Go to AI systems
          </Link>
        </Banner>
      ) : null}
    </div>
  );
}
