// Uploading evidence: drop a file or pick one, optionally give its details, watch the progress.
// The server decides what the file is; refusals (too large, name and content disagree, programs)
// are shown with the server's words, field errors beside their fields. Used by the evidence list
// and by the evidence panel of other pages (which pass the links to make).
import { useId, useRef, useState } from 'react';
import { LabelOptions } from '../../../components/FormParts';
import { ApiError, errorMessage } from '../../../lib/api';
import { fieldErrors } from '../../../lib/problem';
import { Field } from '../../../lib/ui';
import { uploadEvidence, type UploadResult } from '../api';
import { classificationLabels, formatSize, uploadRefusal, type UploadMeta } from '../evidence';

interface Props {
  links?: string[];
  onUploaded: (r: UploadResult) => void;
  onCancel?: () => void;
}

export function UploadBox({ links = [], onUploaded, onCancel }: Props) {
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [over, setOver] = useState(false);
  const [meta, setMeta] = useState<UploadMeta>({ classification: 'internal' });
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});

  const pick = (f: File | undefined | null) => {
    if (!f) return;
    setFile(f);
    setError(null);
    setErrors({});
  };

  async function send() {
    if (!file) return;
    setProgress(0);
    setError(null);
    setErrors({});
    try {
      const r = await uploadEvidence(file, meta, links, setProgress);
      setFile(null);
      setMeta({ classification: 'internal' });
      if (input.current) input.current.value = '';
      onUploaded(r);
    } catch (e) {
      if (e instanceof ApiError) {
        setError(uploadRefusal(e.problem));
        setErrors(fieldErrors(e.problem));
      } else {
        setError(errorMessage(e));
      }
    } finally {
      setProgress(null);
    }
  }

  const set = (k: keyof UploadMeta) => (e: { target: { value: string } }) => setMeta({ ...meta, [k]: e.target.value });
  const busy = progress !== null;

  return (
    <div className="ev-upload" data-testid="evidence-upload">
      <div
        className={`ev-drop${over ? ' ev-drop-active' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          pick(e.dataTransfer.files[0]);
        }}
        onClick={() => input.current?.click()}
        data-testid="evidence-dropzone"
      >
        <p>
          {file ? (
            <>
              <strong data-testid="evidence-file-name">{file.name}</strong> ({formatSize(file.size)})
            </>
          ) : (
            'Drop a file here, or'
          )}
        </p>
        <label htmlFor={inputId} className="btn" onClick={(e) => e.stopPropagation()}>
          {file ? 'Choose another file' : 'Choose a file'}
        </label>
        <input
          id={inputId}
          ref={input}
          type="file"
          className="visually-hidden"
          style={{ position: 'absolute', width: 1, height: 1, opacity: 0 }}
          onChange={(e) => pick(e.target.files?.[0])}
          onClick={(e) => e.stopPropagation()}
          data-testid="evidence-file-input"
        />
        <p className="muted small">PDF, images, Office documents, ZIP, text, CSV, JSON, Markdown… The type is read from the content and must match the name.</p>
      </div>
      {errors.filename || errors.file ? (
        <div className="field-error" data-testid="field-error-filename">{errors.filename ?? errors.file}</div>
      ) : null}
      <div className="ev-upload-fields">
        <Field label="Title" hint="Default: the file name" error={errors.title} name="title">
          {({ id, describedBy }) => <input id={id} type="text" aria-describedby={describedBy} value={meta.title ?? ''} onChange={set('title')} maxLength={200} />}
        </Field>
        <Field label="Owner" error={errors.owner} name="owner">
          {({ id, describedBy }) => <input id={id} type="text" aria-describedby={describedBy} value={meta.owner ?? ''} onChange={set('owner')} maxLength={200} />}
        </Field>
        <Field label="Effective date" error={errors.effective_date} name="effective_date">
          {({ id, describedBy }) => <input id={id} type="date" aria-describedby={describedBy} value={meta.effective_date ?? ''} onChange={set('effective_date')} />}
        </Field>
        <Field label="Expires on" error={errors.expires_on} name="expires_on">
          {({ id, describedBy }) => <input id={id} type="date" aria-describedby={describedBy} value={meta.expires_on ?? ''} onChange={set('expires_on')} data-testid="upload-expires" />}
        </Field>
        <Field label="Classification" error={errors.classification} name="classification">
          {({ id }) => (
            <select id={id} value={meta.classification} onChange={set('classification')}>
              <LabelOptions labels={classificationLabels} />
            </select>
          )}
        </Field>
      </div>
      {busy ? (
        <div className="ev-progress" role="progressbar" aria-label="Upload progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round((progress ?? 0) * 100)} data-testid="upload-progress">
          <span style={{ width: `${Math.round((progress ?? 0) * 100)}%` }} />
        </div>
      ) : null}
      {error ? (
        <div className="banner banner-error" role="alert" data-testid="upload-error">
          {error}
        </div>
      ) : null}
      <div className="form-actions">
        <button type="button" className="btn btn-primary" disabled={!file || busy} onClick={() => void send()} data-testid="upload-submit">
          {busy ? `Uploading… ${Math.round((progress ?? 0) * 100)}%` : 'Upload'}
        </button>
        {onCancel ? (
          <button type="button" className="btn" onClick={onCancel} disabled={busy}>
            Cancel
          </button>
        ) : null}
      </div>
    </div>
  );
}
