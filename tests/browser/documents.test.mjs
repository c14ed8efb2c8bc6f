// Browser test of controlled documents: a version approved by two approvers, each in their own
// browser logged in as themselves (one approval leaves it in review, the second publishes it), its
// Markdown shown with a script and an onerror payload left inert, and an acknowledgement of the
// published version with the coverage and the "my acknowledgements" page.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { login, startServer } from '../lib/server.mjs';
import { addMember, apiGet, apiSend, closeBrowsers, loggedInBrowser } from './helpers.mjs';

const PW = 'documents browser password';
const PAYLOAD = '# AI policy\n\nWe use **AI** with care.\n\n<script>window.hacked = 1</script>\n\n<img src="x" onerror="window.hacked = 2">\n';
let server, admin, ann, bob, docId;

before(async () => {
  server = await startServer();
  admin = await login(server.url, server.admin.email, server.admin.password);
  const ids = {};
  for (const name of ['ann', 'bob']) {
    addMember(server, `${name}@acme.test`, 'manager', PW);
    ids[name] = (await apiGet(server.url, await login(server.url, `${name}@acme.test`, PW), '/api/v1/me')).user.id;
  }
  const send = async (method, path, body, status) => {
    const r = await apiSend(server.url, admin, method, path, { body });
    const text = await r.text();
    assert.equal(r.status, status, `${method} ${path}: ${text}`);
    return JSON.parse(text);
  };
  const doc = await send('POST', '/api/v1/documents', {
    title: 'AI policy', type: 'policy', approvers: [ids.ann, ids.bob], ack_required: true, audience_roles: 'manager',
  }, 201);
  docId = doc.id;
  await send('POST', `/api/v1/documents/${docId}/versions`, { content: PAYLOAD, change_note: 'First issue' }, 201);
  await send('POST', `/api/v1/documents/${docId}/versions/1.0/submit`, {}, 200);
  ann = await loggedInBrowser(server, 'ann@acme.test', PW);
  bob = await loggedInBrowser(server, 'bob@acme.test', PW);
});

after(() => closeBrowsers(server, ann, bob));

test('two approvers in two browsers: the first approval keeps it in review, the second publishes it', async () => {
  await ann.page.goto(`/documents/${docId}`);
  const annVersion = ann.page.getByTestId('document-version');
  await annVersion.getByTestId('version-status').filter({ hasText: 'In review' }).waitFor();
  await annVersion.getByTestId('decision-comment').fill('Reads well.');
  await annVersion.getByTestId('version-approve').click();
  await ann.page.getByTestId('version-approval').filter({ hasText: '1 of 2 approvals' }).waitFor();
  assert.equal(await ann.page.getByTestId('version-status').textContent(), 'In review');
  assert.equal(await ann.page.getByTestId('version-decision').count(), 0, 'an approver decides once');

  await bob.page.goto(`/documents/${docId}`);
  const bobVersion = bob.page.getByTestId('document-version');
  await bobVersion.getByTestId('version-approval').filter({ hasText: '1 of 2 approvals' }).waitFor();
  await bobVersion.getByTestId('version-approve').click();
  await bob.page.getByTestId('version-status').filter({ hasText: 'Published' }).waitFor();
  const v = await apiGet(server.url, admin, `/api/v1/documents/${docId}/versions/1.0`);
  assert.equal(v.status, 'published');
  assert.deepEqual(v.approval.decisions.map((d) => d.email), ['ann@acme.test', 'bob@acme.test']);

  // The Markdown is rendered, and the payloads are text: nothing ran, no element was made.
  const md = bob.page.getByTestId('markdown');
  assert.equal(await md.locator('h2').textContent(), 'AI policy');
  assert.equal(await md.locator('strong').textContent(), 'AI');
  assert.equal(await md.locator('script, img').count(), 0);
  assert.match(await md.textContent(), /<script>window\.hacked = 1<\/script>/);
  assert.equal(await bob.page.evaluate(() => window.hacked), undefined);
  assert.deepEqual([...ann.problems, ...bob.problems], []);
});

test('an acknowledgement of the published version, its coverage and my acknowledgements', async () => {
  await ann.page.goto('/documents/acknowledgements');
  await ann.page.getByTestId('my-acks').filter({ hasText: 'Missing' }).waitFor();
  await ann.page.goto(`/documents/${docId}`);
  await ann.page.getByTestId('ack-coverage').filter({ hasText: '0 of 2 acknowledged' }).waitFor();
  await ann.page.getByTestId('ack-button').click();
  await ann.page.getByTestId('ack-done').filter({ hasText: 'You acknowledged version 1.0' }).waitFor();
  await ann.page.getByTestId('ack-coverage').filter({ hasText: '1 of 2 acknowledged' }).waitFor();
  const cov = await apiGet(server.url, admin, `/api/v1/documents/${docId}/acknowledgements`);
  assert.deepEqual([cov.acknowledged, cov.audience_size], [1, 2]);
  await bob.page.goto('/documents/acknowledgements');
  await bob.page.getByTestId('my-acks').filter({ hasText: 'Missing' }).waitFor();
  assert.deepEqual([...ann.problems, ...bob.problems], []);
});
