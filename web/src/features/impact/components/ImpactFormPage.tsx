// The impact assessment form, section by section, saved with If-Match: inline errors (rows by
// index), a notice and reload when someone else saved first (412), and read-only for roles that
// may not write.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ConflictBanner, useVersionedEdit } from '../../../components/records/useVersionedEdit';
import { errorMessage } from '../../../lib/api';
import { Banner, ConfirmDialog, Field, sentence } from '../../../lib/ui';
import { useSession } from '../../auth';
import { updateImpact } from '../api';
import { clientErrors, errorsByPath, formFromRecord, pathLabel, patchFromForm, type FormValues } from '../form';
import { fieldLabels } from '../labels';
import { governanceField, sections, type SimpleField } from '../sections';
import { useImpact } from './ImpactLayout';
import { ImpactsEditor } from './ImpactsEditor';
import { PartiesEditor } from './PartiesEditor';

function SimpleInput({ def, value, error, onChange }: { def: SimpleField; value: string; error?: string; onChange: (v: string) => void }) {
  const wide = def.kind === 'textarea' || def.kind === 'lines';
  const hint = [def.hint, def.fria ? `Used for Art. 27(1)${def.fria} of the EU AI Act view.` : ''].filter(Boolean).join(' ');
  return (
    <Field label={def.label} name={def.key} error={error} required={def.required} hint={hint || undefined} className={wide ? 'field-wide' : undefined}>
      {({ id, describedBy, invalid }) => {
        const common = { id, name: def.key, 'aria-describedby': describedBy, 'aria-invalid': invalid || undefined };
        if (def.kind === 'textarea' || def.kind === 'lines')
          return <textarea {...common} rows={def.kind === 'lines' ? 3 : 4} maxLength={def.kind === 'textarea' ? 8000 : undefined} value={value} onChange={(e) => onChange(e.target.value)} />;
        if (def.kind === 'date') return <input {...common} type="date" value={value} onChange={(e) => onChange(e.target.value)} />;
        return <input {...common} type="text" maxLength={def.max} value={value} onChange={(e) => onChange(e.target.value)} />;
      }}
    </Field>
  );
}

export function ImpactFormPage() {
  const ctx = useImpact();
  const session = useSession();
  const a = ctx.assessment;
  const readOnly = !session.canWrite;
  const [values, setValues] = useState<FormValues>(() => formFromRecord(a));
  const edit = useVersionedEdit(ctx.reload);
  const { errors, busy } = edit;
  const error = edit.error ? errorMessage(edit.error) : null;
  const [saved, setSaved] = useState<string | null>(null);
  const [discarding, setDiscarding] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  const patch = patchFromForm(a, values);
  const dirty = Object.keys(patch).length > 0;
  useEffect(() => ctx.setDirty(dirty), [dirty]);
  useEffect(() => () => ctx.setDirty(false), []);

  const set = <K extends keyof FormValues>(key: K, v: FormValues[K]) => {
    setValues((old) => ({ ...old, [key]: v }));
    setSaved(null);
  };

  function focusFirst(errs: Record<string, string>) {
    const first = Object.keys(errs)[0];
    if (!first) return;
    const el = form.current?.querySelector<HTMLElement>(`[name="${CSS.escape(first)}"]`) ??
      form.current?.querySelector<HTMLElement>(`[data-testid="field-error-${CSS.escape(first)}"]`);
    el?.focus();
    el?.scrollIntoView({ block: 'center' });
  }

  function save(e: FormEvent) {
    e.preventDefault();
    setSaved(null);
    void edit.save({
      validate: () => clientErrors(values),
      patch: () => patch,
      onUnchanged: () => setSaved('Nothing to save.'),
      etag: ctx.etag,
      noun: 'this assessment',
      write: (p, tag) => updateImpact(a.id, p, tag),
      onSaved: (next) => {
        ctx.setAssessment(next);
        setValues(formFromRecord(next.assessment));
        setSaved(a.status === 'draft' ? 'Changes saved.' : 'Changes saved; the assessment is a draft again.');
      },
      toFieldErrors: errorsByPath,
      onFailed: focusFirst,
    });
  }

  // A reloaded record (after a conflict, or after submit/approve) restarts the form from it.
  const version = a.version;
  const shown = useRef(version);
  useEffect(() => {
    if (shown.current === version) return;
    shown.current = version;
    setValues(formFromRecord(a));
  }, [version]);

  const invalid = Object.keys(errors);
  return (
    <form ref={form} className="ia-form" onSubmit={save} noValidate data-testid="impact-form" aria-busy={busy}>
      {a.status === 'approved' && !readOnly ? (
        <Banner kind="info">
          This assessment is approved as version {a.approved_version}. Saving a change starts the next draft; version {a.approved_version} stays as
          it was approved.
        </Banner>
      ) : null}
      {a.status === 'in_review' && !readOnly ? <Banner kind="info">This assessment is in review. Saving a change takes it back to draft.</Banner> : null}
      {readOnly ? <Banner kind="info">Your role can read this assessment but not change it.</Banner> : null}
      <ConflictBanner edit={edit} what="this assessment" verb="saved" />
      {error || invalid.length ? (
        <div className="banner banner-error" role="alert" data-testid="form-errors">
          <p>{error ?? 'Please check these fields:'}</p>
          {invalid.length ? (
            <ul>
              {invalid.map((k) => (
                <li key={k}>
                  <a href={`#${k}`} onClick={(ev) => {
                    ev.preventDefault();
                    focusFirst({ [k]: errors[k] });
                  }}>
                    {pathLabel(k, fieldLabels)}
                  </a>
                  : {sentence(errors[k])}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}

      <fieldset disabled={readOnly} className="ia-form" style={{ border: 0, padding: 0, margin: 0 }}>
        {sections.map((s) => (
          <fieldset key={s.id} className="card form-group" data-section={s.id}>
            <legend>{s.title}</legend>
            <p className="ia-section-intro">{s.intro}</p>
            <div className="form-grid">
              {s.fields.map((f) => (
                <SimpleInput key={f.key} def={f} value={values[f.key]} error={errors[f.key]} onChange={(v) => set(f.key, v)} />
              ))}
            </div>
          </fieldset>
        ))}
        <fieldset className="card form-group" data-section="parties">
          <legend>6. Relevant interested parties</legend>
          <p className="ia-section-intro">
            Everyone with a stake in the system: the people its outputs concern, those who use it, and those who oversee it. Affected parties feed
            Art. 27(1)(c).
          </p>
          <PartiesEditor rows={values.interested_parties} onChange={(r) => set('interested_parties', r)} errors={errors} readOnly={readOnly} />
        </fieldset>
        <fieldset className="card form-group" data-section="impacts">
          <legend>7. Benefits and harms</legend>
          <p className="ia-section-intro">
            Each actual or reasonably foreseeable effect on individuals, groups or society. A harm's score is severity × likelihood; the
            organization's thresholds turn it into a level, and the highest level is the assessment's outcome. Harms feed Art. 27(1)(d), their
            measures (f).
          </p>
          <ImpactsEditor rows={values.impacts} onChange={(r) => set('impacts', r)} errors={errors} settings={ctx.settings} readOnly={readOnly} />
        </fieldset>
        <fieldset className="card form-group" data-section="governance">
          <legend>8. Governance and complaints</legend>
          <div className="form-grid">
            <SimpleInput def={governanceField} value={values.governance_and_complaints} error={errors.governance_and_complaints}
              onChange={(v) => set('governance_and_complaints', v)} />
          </div>
        </fieldset>
      </fieldset>

      {!readOnly ? (
        <div className="ia-save-bar">
          <button type="submit" className="btn btn-primary" disabled={busy} data-testid="save-impact">
            {busy ? 'Saving…' : 'Save changes'}
          </button>
          <button type="button" className="btn" disabled={busy || !dirty} onClick={() => setDiscarding(true)}>
            Discard changes
          </button>
          <span className="muted" role="status" data-testid="save-state">
            {saved ?? (dirty ? 'Unsaved changes' : 'All changes saved')}
          </span>
        </div>
      ) : null}
      <ConfirmDialog
        open={discarding}
        title="Discard your changes?"
        confirmLabel="Discard"
        danger
        onConfirm={() => {
          setValues(formFromRecord(a));
          edit.setErrors({});
          edit.setError(null);
          setDiscarding(false);
        }}
        onCancel={() => setDiscarding(false)}
      >
        <p>The form goes back to the saved version {a.version}.</p>
      </ConfirmDialog>
    </form>
  );
}
