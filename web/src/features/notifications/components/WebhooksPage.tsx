// The webhooks page (admins; docs/notifications.md): the organization's endpoints with the events
// each wants, a form to register one (its signing secret is shown once, right after), a test
// delivery, removal after a confirmation, and the delivery log newest first, paged, with each
// delivery's status and attempts and a redelivery button. Other roles see why they cannot.
import { useState, type FormEvent } from 'react';
import { ApiError, errorMessage } from '../../../lib/api';
import { useAsync, useTitle } from '../../../lib/hooks';
import { Banner, ConfirmDialog, EmptyState, ErrorBanner, Loading } from '../../../lib/ui';
import { useSession } from '../../auth';
import { DataTable } from '../../../components/DataTable';
import {
  createWebhook, deleteWebhook, listDeliveries, listEventTypes, listWebhooks, redeliver, testWebhook,
  type NotificationDelivery, type Webhook,
} from '../api';

const statusLabels: Record<string, string> = { pending: 'Pending', delivered: 'Delivered', failed: 'Failed' };

/** The server's message with each field error it names ("url: must use http or https (not ftp)"). */
function describe(err: unknown): string {
  const fields = err instanceof ApiError ? (err.problem.errors ?? []) : [];
  if (fields.length === 0) return errorMessage(err);
  return `${errorMessage(err)} ${fields.map((f) => (f.field ? `${f.field}: ${f.message}` : f.message)).join('; ')}`;
}

function AddWebhook({ onAdded }: { onAdded: (w: Webhook & { secret: string }) => void }) {
  const types = useAsync((signal) => listEventTypes(signal), []);
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [events, setEvents] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const made = await createWebhook({ url, events, description: description || null });
      setUrl('');
      setDescription('');
      setEvents([]);
      onAdded(made);
    } catch (err) {
      setError(describe(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <form className="card" onSubmit={(e) => void submit(e)} noValidate data-testid="webhook-form">
      <h2>Add an endpoint</h2>
      {error ? <Banner kind="error" testId="webhook-error">{error}</Banner> : null}
      <div className="field">
        <label htmlFor="webhook-url">URL</label>
        <input id="webhook-url" className="input" type="url" required maxLength={2000} placeholder="https://hooks.example.com/aims"
          value={url} onChange={(e) => setUrl(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="webhook-description">Description</label>
        <input id="webhook-description" className="input" maxLength={200} value={description} onChange={(e) => setDescription(e.target.value)} />
      </div>
      <fieldset className="field" style={{ border: 0, padding: 0, margin: 0 }}>
        <legend><strong>Events</strong></legend>
        {types.loading ? <Loading /> : null}
        {(types.data ?? []).filter((t) => t.name !== 'webhook.test').map((t) => (
          <label key={t.name} style={{ display: 'block' }}>
            <input type="checkbox" name={`event-${t.name}`} checked={events.includes(t.name)}
              onChange={(e) => setEvents((old) => (e.target.checked ? [...old, t.name] : old.filter((x) => x !== t.name)))} />{' '}
            <code>{t.name}</code> <span className="muted small">{t.description}</span>
          </label>
        ))}
      </fieldset>
      <button type="submit" className="btn btn-primary" disabled={busy}>{busy ? 'Adding…' : 'Add endpoint'}</button>
    </form>
  );
}

function DeliveryLog({ webhooks, epoch, onChanged }: { webhooks: Webhook[]; epoch: number; onChanged: () => void }) {
  const [cursors, setCursors] = useState<string[]>([]);
  const [status, setStatus] = useState('');
  const [note, setNote] = useState<string | null>(null);
  const cursor = cursors[cursors.length - 1];
  const page = useAsync((signal) => listDeliveries({ status: (status || undefined) as 'pending' | 'delivered' | 'failed' | undefined, cursor, limit: 20 }, signal), [cursor, status, epoch]);
  const urlOf = (d: NotificationDelivery) => webhooks.find((w) => w.id === d.webhook_id)?.url ?? d.url ?? d.email ?? '';
  async function again(id: string) {
    try {
      await redeliver(id);
      setNote(`Delivery ${id} is queued again.`);
      onChanged();
    } catch (err) {
      setNote(errorMessage(err));
    }
  }
  return (
    <section className="card" data-testid="delivery-log">
      <h2>Delivery log</h2>
      <div className="form-row">
        <label htmlFor="delivery-status">Status</label>{' '}
        <select id="delivery-status" value={status} onChange={(e) => { setStatus(e.target.value); setCursors([]); }}>
          <option value="">All</option>
          {Object.entries(statusLabels).map(([k, v]) => <option key={k} value={k}>{v}</option>)}
        </select>{' '}
        <button type="button" className="btn" onClick={() => { setCursors([]); onChanged(); }}>Refresh</button>
      </div>
      {note ? <Banner kind="info" testId="delivery-note">{note}</Banner> : null}
      <ErrorBanner error={page.error} title="The delivery log could not be loaded." />
      {page.loading && !page.data ? <Loading /> : null}
      {page.data && page.data.items.length === 0 ? (
        <EmptyState title="No deliveries yet" testId="deliveries-empty"><p>Events sent to your endpoints will be listed here.</p></EmptyState>
      ) : null}
      {page.data && page.data.items.length > 0 ? (
        <DataTable columns={['Created', 'Event', 'Endpoint', 'Status', 'Attempts', 'Last answer', { label: 'Actions', hidden: true }]} testId="deliveries-table"
          caption="Deliveries, newest first">
          {page.data.items.map((d) => (
            <tr key={d.id} data-testid="delivery-row">
              <td>{d.created_at.replace('T', ' ').slice(0, 19)}</td>
              <td><code>{d.event_type}</code></td>
              <td className="small">{urlOf(d)}</td>
              <td data-testid="delivery-status">{statusLabels[d.status] ?? d.status}</td>
              <td>{d.attempts}</td>
              <td className="small">{d.last_status ?? '—'}{d.last_error ? ` · ${d.last_error}` : ''}</td>
              <td><button type="button" className="btn btn-small" onClick={() => void again(d.id)} aria-label={`Redeliver ${d.id}`}>Redeliver</button></td>
            </tr>
          ))}
        </DataTable>
      ) : null}
      <div className="form-row">
        {cursors.length > 0 ? <button type="button" className="btn" onClick={() => setCursors((c) => c.slice(0, -1))}>Newer</button> : null}{' '}
        {page.data?.next ? <button type="button" className="btn" onClick={() => setCursors((c) => [...c, page.data!.next!])}>Older</button> : null}
      </div>
    </section>
  );
}

export function WebhooksPage() {
  const session = useSession();
  useTitle('Webhooks');
  const isAdmin = session.role === 'admin';
  const [epoch, setEpoch] = useState(0);
  const hooks = useAsync((signal) => (isAdmin ? listWebhooks(signal) : Promise.resolve([] as Webhook[])), [isAdmin, epoch, session.orgEpoch]);
  const [secret, setSecret] = useState<{ id: string; secret: string } | null>(null);
  const [pending, setPending] = useState<Webhook | null>(null);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  const bump = () => setEpoch((e) => e + 1);

  if (!isAdmin)
    return (
      <div className="page page-narrow">
        <h1>Webhooks</h1>
        <Banner kind="info" testId="webhooks-admin-only">Only admins of the organization manage its webhooks and see their delivery log.</Banner>
      </div>
    );

  async function remove() {
    if (!pending) return;
    setBusy(true);
    try {
      await deleteWebhook(pending.id);
      setNote({ ok: true, text: `The endpoint ${pending.url} was removed.` });
      setPending(null);
      bump();
    } catch (err) {
      setNote({ ok: false, text: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  }
  async function test(w: Webhook) {
    try {
      const d = await testWebhook(w.id);
      setNote({ ok: true, text: `A test delivery (${d.id}) is queued for ${w.url}.` });
      bump();
    } catch (err) {
      setNote({ ok: false, text: errorMessage(err) });
    }
  }

  return (
    <div className="page">
      <h1>Webhooks</h1>
      <p className="muted">
        aims POSTs each event your endpoints want as JSON, signed with HMAC-SHA256 (header <code>AIMS-Webhook-Signature</code>), and retries
        with growing pauses until the endpoint answers 2xx. See the notifications documentation for how to verify a signature.
      </p>
      {note ? <Banner kind={note.ok ? 'success' : 'error'} testId="webhooks-note">{note.text}</Banner> : null}
      {secret ? (
        <Banner kind="warning" testId="webhook-secret">
          <strong>Copy the signing secret now; it is not shown again.</strong>{' '}
          <code data-testid="webhook-secret-value">{secret.secret}</code>{' '}
          <button type="button" className="btn btn-small" onClick={() => setSecret(null)}>I have copied it</button>
        </Banner>
      ) : null}
      <ErrorBanner error={hooks.error} title="The webhooks could not be loaded." />
      <section className="card">
        <h2>Endpoints</h2>
        {hooks.loading && !hooks.data ? <Loading /> : null}
        {hooks.data && hooks.data.length === 0 ? (
          <EmptyState title="No endpoints yet" testId="webhooks-empty"><p>Add one below to have events sent to another system.</p></EmptyState>
        ) : null}
        {hooks.data && hooks.data.length > 0 ? (
          <DataTable columns={['URL', 'Events', 'Description', { label: 'Actions', hidden: true }]} testId="webhooks-table" caption="Webhook endpoints">
            {hooks.data.map((w) => (
              <tr key={w.id} data-testid="webhook-row">
                <td className="small">{w.url}</td>
                <td className="small">{w.events.join(', ')}</td>
                <td>{w.description}</td>
                <td>
                  <button type="button" className="btn btn-small" onClick={() => void test(w)} aria-label={`Send a test to ${w.url}`}>Send test</button>{' '}
                  <button type="button" className="btn btn-small btn-danger" onClick={() => setPending(w)} aria-label={`Remove ${w.url}`}>Remove</button>
                </td>
              </tr>
            ))}
          </DataTable>
        ) : null}
      </section>
      <AddWebhook onAdded={(w) => { setSecret({ id: w.id, secret: w.secret }); setNote(null); bump(); }} />
      <DeliveryLog webhooks={hooks.data ?? []} epoch={epoch} onChanged={bump} />
      <ConfirmDialog open={pending !== null} busy={busy} danger title="Remove this endpoint?" confirmLabel="Remove endpoint"
        onCancel={() => setPending(null)} onConfirm={() => void remove()}>
        <p>{pending?.url} will get no more events. Its deliveries stay in the log; those still waiting are marked failed.</p>
      </ConfirmDialog>
    </div>
  );
}
