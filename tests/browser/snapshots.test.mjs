// Browser test of register snapshots: the admin publishes the risk register from the risks list,
// picks two managers as approvers and submits it; each approves in turn in their own browser (the
// first approval keeps it in approval, the second approves it), and the approved version shows in
// the risks list's "Approved versions" with its hash.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { login, startServer } from '../lib/server.mjs';
import { addMember, apiGet, apiSend, closeBrowsers, loggedInBrowser } from './helpers.mjs';

const PW = 'snapshots browser password';
let server, admin, lead, ann, bob;

before(async () => {
  server = await startServer();
  admin = await login(server.url, server.admin.email, server.admin.password);
  for (const name of ['ann', 'bob']) {
    addMember(server, `${name}@acme.test`, 'manager', PW);
  }
  for (const title of ['Biased decisions', 'Model drift']) {
    const r = await apiSend(server.url, admin, 'POST', '/api/v1/risks', { body: { title, inherent_likelihood: 3, inherent_impact: 4 } });
    assert.equal(r.status, 201, await r.text());
  }
  lead = await loggedInBrowser(server, server.admin.email, server.admin.password);
  ann = await loggedInBrowser(server, 'ann@acme.test', PW);
  bob = await loggedInBrowser(server, 'bob@acme.test', PW);
});

after(() => closeBrowsers(server, lead, ann, bob));

test('publish the risk register, two approvers approve in turn, the approved version shows', async () => {
  await lead.page.goto('/risks');
  await lead.page.getByTestId('snapshot-publish').click();
  await lead.page.getByTestId('snapshot-status').filter({ hasText: 'Draft' }).waitFor();
  const id = lead.page.url().split('/').pop();
  assert.match(id, /^SNAP-\d+$/);
  assert.equal(await lead.page.getByTestId('snapshot-rows').locator('tbody tr').count(), 2);
  const form = lead.page.getByTestId('snapshot-submit-form');
  // Approvers are picked by name from the member directory (no emails there): search, tick, search again.
  await form.getByLabel('Find an approver by name').fill('an');
  await form.getByRole('checkbox', { name: /^ann \(manager\)/ }).check();
  await form.getByLabel('Find an approver by name').fill('bob');
  await form.getByRole('checkbox', { name: /^bob \(manager\)/ }).check();
  assert.equal(await form.getByRole('checkbox', { name: /^ann \(manager\)/ }).isChecked(), true, 'a chosen approver stays chosen');
  await lead.page.getByTestId('snapshot-submit').click();
  await lead.page.getByTestId('snapshot-status').filter({ hasText: 'In approval' }).waitFor();
  assert.equal(await lead.page.getByTestId('snapshot-decision').count(), 0, 'the author does not decide');

  await ann.page.goto(`/snapshots/${id}`);
  await ann.page.getByTestId('decision-comment').fill('Matches the register.');
  await ann.page.getByTestId('snapshot-approve').click();
  await ann.page.getByTestId('snapshot-approval').filter({ hasText: '1 of 2 approvals' }).waitFor();
  assert.equal(await ann.page.getByTestId('snapshot-status').textContent(), 'In approval');
  assert.equal(await ann.page.getByTestId('snapshot-decision').count(), 0, 'an approver decides once');

  await bob.page.goto(`/snapshots/${id}`);
  await bob.page.getByTestId('snapshot-approve').click();
  await bob.page.getByTestId('snapshot-status').filter({ hasText: 'Approved' }).waitFor();
  const s = await apiGet(server.url, admin, `/api/v1/snapshots/${id}`);
  assert.equal(s.status, 'approved');
  assert.deepEqual(s.approval.decisions.map((d) => d.email), ['ann@acme.test', 'bob@acme.test']);

  await lead.page.goto('/risks');
  const approved = lead.page.getByTestId('snapshots-approved');
  await approved.filter({ hasText: id }).waitFor();
  assert.match(await approved.textContent(), new RegExp(`${id} approved .* 2 rows, SHA-256 ${s.content_hash.slice(0, 12)}`));
  assert.deepEqual([...lead.problems, ...ann.problems, ...bob.problems], []);
});
