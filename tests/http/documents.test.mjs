// Controlled documents (ISO/IEC 42001 5.2, 7.5): what the document kind adds to the record
// contract (record_contract.test.mjs). Versions major.minor with their content hash; the published
// version frozen; approval by every approver but never by the version's author; a rejection back
// to draft; the line diff; "reviewed, no change" moving the next review date; acknowledgements per
// major version; roles below each action refused with nothing changed; another organization's
// documents unknown.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { startServer, login, aims } from '../lib/server.mjs';
import { client, assertProblem, assertJson, stopServer, memberClients } from '../lib/http.mjs';
import { contentHash, recordContent } from '../lib/audit.mjs';
import { sqlite, day } from '../lib/fixture.mjs';

const DOCS = '/api/v1/documents';
const PW = 'documents test password';
const sha = (s) => createHash('sha256').update(s, 'utf8').digest('hex');

let srv, c, as, ids;

before(async () => {
  srv = await startServer();
  c = client(srv.url, await login(srv.url, srv.admin.email, srv.admin.password));
  as = await memberClients(srv, ['manager', 'contributor', 'auditor', 'viewer'], PW);
  ids = { admin: assertJson(await c('GET', '/api/v1/me')).user.id };
  for (const [role, who] of Object.entries(as)) ids[role] = assertJson(await who('GET', '/api/v1/me')).user.id;
});
after(() => stopServer(srv));

/** A new document with `fields`; resolves to its id. */
async function newDocument(fields = {}) {
  const body = { title: 'AI policy', type: 'policy', approvers: [ids.manager, ids.contributor], ...fields };
  return assertJson(await c('POST', DOCS, { json: body }), 201).id;
}

/** Writes version `label` of `id` as `who`, submits it and has every approver in `approvers` approve it. */
async function publish(id, { who = c, step, content, approvers = ['manager', 'contributor'] } = {}) {
  const draft = assertJson(await who('POST', `${DOCS}/${id}/versions`, { json: { step, content, change_note: 'Update' } }), 201);
  assertJson(await who('POST', `${DOCS}/${id}/versions/${draft.label}/submit`));
  let v;
  for (const a of approvers) v = assertJson(await as[a]('POST', `${DOCS}/${id}/versions/${draft.label}/approve`, { json: {} }));
  assert.equal(v.status, 'published');
  return v;
}

const versionsOf = async (id) => assertJson(await c('GET', `${DOCS}/${id}/versions`)).items;

test('the document kind: types, classifications, members as owner and approvers, review interval default 12', async () => {
  const made = assertJson(await c('POST', DOCS, { json: { title: 'AI policy', type: 'policy', owner: ids.manager } }), 201);
  assert.match(made.id, /^DOC-\d+$/);
  assert.equal(made.review_interval_months, 12);
  assert.equal(made.classification, 'internal');
  assert.equal(made.ack_required, false);
  for (const [field, value] of [['type', 'memo'], ['classification', 'secret'], ['owner', 'u_nobody'], ['approvers', ['u_nobody']], ['review_interval_months', 0], ['audience_roles', 'boss']]) {
    const p = assertProblem(await c('POST', DOCS, { json: { title: 'X', type: 'policy', [field]: value } }), 422);
    assert.deepEqual(p.errors.map((e) => e.field), [field], `${field}=${JSON.stringify(value)}`);
  }
  const p = assertProblem(await c('POST', DOCS, { json: { title: 'X', type: 'policy', ack_required: true } }), 422);
  assert.deepEqual(p.errors.map((e) => e.field), ['audience']);
  const listed = assertJson(await c('GET', `${DOCS}?type=policy&sort=-next_review_date`));
  assert.ok(listed.items.every((d) => d.type === 'policy'));
});

test('versions: 1.0 first, content hash, all approvers needed, the author never approves, published is frozen', async () => {
  // The admin is an approver and the author: the approval needs the manager alone then.
  const id = await newDocument({ approvers: [ids.admin, ids.manager] });
  const content = '# AI policy\n\nWe use AI responsibly.\n';
  const draft = assertJson(await c('POST', `${DOCS}/${id}/versions`, { json: { content, change_note: 'First issue' } }), 201);
  assert.equal(draft.label, '1.0');
  assert.equal(draft.status, 'draft');
  assert.equal(draft.content_hash, sha(content));
  assert.equal(draft.author, ids.admin);
  // A second draft while one is open is refused.
  assertProblem(await c('POST', `${DOCS}/${id}/versions`, { json: {} }), 409);
  const edited = assertJson(await c('PATCH', `${DOCS}/${id}/versions/1.0`, { json: { content: content + 'More.\n' }, headers: { 'if-match': `"v${draft.version}"` } }));
  assert.equal(edited.content_hash, sha(content + 'More.\n'));
  assertProblem(await c('PATCH', `${DOCS}/${id}/versions/1.0`, { json: { content } }), 428);

  const inReview = assertJson(await c('POST', `${DOCS}/${id}/versions/1.0/submit`));
  assert.equal(inReview.status, 'in_review');
  assert.deepEqual(inReview.approval.required, [ids.manager]);
  // In review: no edits; the author may not approve; someone not named may not either.
  assertProblem(await c('PATCH', `${DOCS}/${id}/versions/1.0`, { json: { content: 'x' }, headers: { 'if-match': `"v${inReview.version}"` } }), 409);
  const self = assertProblem(await c('POST', `${DOCS}/${id}/versions/1.0/approve`, { json: {} }), 403);
  assert.match(self.detail, /author/);
  assertProblem(await as.contributor('POST', `${DOCS}/${id}/versions/1.0/approve`, { json: {} }), 403);
  assert.equal(assertJson(await c('GET', `${DOCS}/${id}/versions/1.0`)).status, 'in_review', 'nothing changed');

  const published = assertJson(await as.manager('POST', `${DOCS}/${id}/versions/1.0/approve`, { json: { comment: 'Fine' } }));
  assert.equal(published.status, 'published');
  assert.equal(published.approval.decisions[0].user_id, ids.manager);
  assert.equal(published.approval.decisions[0].comment, 'Fine');
  assert.ok(published.approval.decisions[0].at);

  // Frozen: a change is refused and nothing changes.
  const frozen = assertProblem(await c('PATCH', `${DOCS}/${id}/versions/1.0`, { json: { content: 'changed' }, headers: { 'if-match': `"v${published.version}"` } }), 409);
  assert.match(frozen.detail, /frozen/);
  assert.equal(assertJson(await c('GET', `${DOCS}/${id}/versions/1.0`)).content_hash, published.content_hash);

  // The publication is in the audit log: the entry hashes the published version with its content hash.
  const entries = assertJson(await c('GET', '/api/v1/audit/entries?order=newest&limit=1')).items;
  assert.equal(entries[0].record_type, 'document_version');
  const { version, ...doc } = published;
  const row = { created_at: doc.created_at, doc: { ...doc, version }, id: `${id}@1.0`, parent_id: id, position: 100000, updated_at: doc.updated_at, version };
  assert.equal(entries[0].content_sha256, contentHash(recordContent(row)));
  // The published version as a PDF; a draft has none.
  const pdf = await c('GET', `${DOCS}/${id}/versions/1.0/pdf`);
  assert.equal(pdf.status, 200);
  assert.equal(pdf.ct, 'application/pdf');
  assert.equal(pdf.bytes.subarray(0, 5).toString(), '%PDF-');
  assert.match(pdf.headers.get('content-disposition'), new RegExp(`attachment; filename="Acme AI ${id} AI policy 1\\.0 \\d{4}-\\d{2}-\\d{2}\\.pdf"`));
  assertJson(await c('POST', `${DOCS}/${id}/versions`, { json: { content: 'next' } }), 201);
  assertProblem(await c('GET', `${DOCS}/${id}/versions/1.1/pdf`), 409);
});

test('every approver must approve; a rejection needs a comment and returns the version to draft; minor and major drafts; diff', async () => {
  const id = await newDocument();
  await publish(id, { content: 'one\ntwo\nthree\n' });
  const draft = assertJson(await as.contributor('POST', `${DOCS}/${id}/versions`, { json: { content: 'one\n2\nthree\nfour\n' } }), 201);
  assert.equal(draft.label, '1.1', 'a minor step by default');
  assertJson(await as.contributor('POST', `${DOCS}/${id}/versions/1.1/submit`));
  // The contributor wrote it: only the manager remains, and a rejection needs a comment.
  assertProblem(await as.contributor('POST', `${DOCS}/${id}/versions/1.1/approve`, { json: {} }), 403);
  const p = assertProblem(await as.manager('POST', `${DOCS}/${id}/versions/1.1/reject`, { json: {} }), 422);
  assert.deepEqual(p.errors.map((e) => e.field), ['comment']);
  const rejected = assertJson(await as.manager('POST', `${DOCS}/${id}/versions/1.1/reject`, { json: { comment: 'Say why four' } }));
  assert.equal(rejected.status, 'draft');
  assert.equal(rejected.approval.decisions.at(-1).decision, 'reject');
  assert.equal(rejected.approval.decisions.at(-1).comment, 'Say why four');

  const diff = assertJson(await c('GET', `${DOCS}/${id}/diff?from=1.0&to=1.1`));
  assert.deepEqual(diff.lines.map((l) => `${l.op}:${l.text}`), ['same:one', 'removed:two', 'added:2', 'same:three', 'added:four']);
  assertProblem(await c('GET', `${DOCS}/${id}/diff?from=1.0`), 400);
  assertProblem(await c('GET', `${DOCS}/${id}/diff?from=1.0&to=9.9`), 404);

  // Two approvers: one approval leaves it in review.
  const id2 = await newDocument();
  assertJson(await c('POST', `${DOCS}/${id2}/versions`, { json: { content: 'text' } }), 201);
  assertJson(await c('POST', `${DOCS}/${id2}/versions/1.0/submit`));
  const half = assertJson(await as.manager('POST', `${DOCS}/${id2}/versions/1.0/approve`));
  assert.equal(half.status, 'in_review');
  assertProblem(await as.manager('POST', `${DOCS}/${id2}/versions/1.0/approve`), 409);
  const full = assertJson(await as.contributor('POST', `${DOCS}/${id2}/versions/1.0/approve`));
  assert.equal(full.status, 'published');
  // A major step from the published version; the published one is superseded at the next publication.
  const major = await publish(id2, { step: 'major' });
  assert.equal(major.label, '2.0');
  assert.equal(major.content, 'text', 'a draft starts from the published content');
  assert.deepEqual((await versionsOf(id2)).map((v) => `${v.label}:${v.status}`), ['2.0:published', '1.0:superseded']);
});

test('a review with no change is its own event and moves the next review date by the interval', async () => {
  const id = await newDocument({ review_interval_months: 6, next_review_date: '2020-01-31' });
  assertProblem(await c('POST', `${DOCS}/${id}/review`, { json: {} }), 409);
  await publish(id, { content: 'policy' });
  const before = assertJson(await c('GET', `${DOCS}/${id}`));
  const reviewed = assertJson(await as.contributor('POST', `${DOCS}/${id}/review`, { json: { note: 'Still right' } }));
  const d = new Date();
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 6, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), last));
  assert.equal(reviewed.next_review_date, target.toISOString().slice(0, 10));
  assert.equal(reviewed.version, before.version + 1);
  const h = assertJson(await c('GET', `${DOCS}/${id}/history`)).items[0];
  assert.equal(h.operation, 'review');
  assert.deepEqual(h.changes.map((x) => x.field), ['next_review_date', 'review_note']);
  assert.equal((await versionsOf(id)).length, 1, 'a review makes no new version');
  // Roles below contributor may not record a review; nothing changes.
  assertProblem(await as.viewer('POST', `${DOCS}/${id}/review`, { json: {} }), 403);
  assert.equal(assertJson(await c('GET', `${DOCS}/${id}`)).version, reviewed.version);
});

test('acknowledgements: per version by the audience, a minor version keeps them, a major one asks again', async () => {
  const id = await newDocument({ ack_required: true, audience_roles: 'viewer, auditor' });
  assertProblem(await as.viewer('POST', `${DOCS}/${id}/acknowledge`), 409);
  await publish(id, { content: 'read me' });
  const mine = assertJson(await as.viewer('GET', '/api/v1/document-acknowledgements'));
  assert.equal(mine.items.find((i) => i.document_id === id).acknowledged_at, null);
  assert.ok(mine.missing >= 1);
  const ack = assertJson(await as.viewer('POST', `${DOCS}/${id}/acknowledge`), 201);
  assert.equal(ack.label, '1.0');
  assertProblem(await as.viewer('POST', `${DOCS}/${id}/acknowledge`), 409);
  assertProblem(await as.manager('POST', `${DOCS}/${id}/acknowledge`), 403);
  let cov = assertJson(await c('GET', `${DOCS}/${id}/acknowledgements`));
  assert.deepEqual([cov.acknowledged, cov.audience_size], [1, 2]);
  assert.equal(cov.members.find((m) => m.user_id === ids.viewer).label, '1.0');

  await publish(id, { step: 'minor', content: 'read me, now clearer' });
  cov = assertJson(await c('GET', `${DOCS}/${id}/acknowledgements`));
  assert.deepEqual([cov.label, cov.acknowledged], ['1.1', 1], 'a minor version asks nobody again');
  await publish(id, { step: 'major', content: 'new rules' });
  cov = assertJson(await c('GET', `${DOCS}/${id}/acknowledgements`));
  assert.deepEqual([cov.label, cov.acknowledged], ['2.0', 0], 'a major version asks again');
  assert.equal(assertJson(await as.viewer('POST', `${DOCS}/${id}/acknowledge`), 201).label, '2.0');
  assert.equal(assertJson(await as.auditor('GET', '/api/v1/document-acknowledgements')).items.find((i) => i.document_id === id).acknowledged_at, null);
  const dash = assertJson(await c('GET', '/api/v1/dashboard'));
  assert.ok(dash.cards.documents.missing_acknowledgements >= 1);
});

test('the caller\'s acknowledgements list is paged: limit and cursor walk every document once in number order; bad parameters are 400', async () => {
  for (const title of ['Paged one', 'Paged two', 'Paged three']) await publish(await newDocument({ title, ack_required: true, audience: [ids.viewer] }), { content: title });
  const all = assertJson(await as.viewer('GET', '/api/v1/document-acknowledgements'));
  assert.ok(all.total >= 3);
  assert.equal(all.items.length, all.total);
  assert.equal(all.next, undefined);
  const num = (i) => Number(i.document_id.replace('DOC-', ''));
  assert.deepEqual(all.items.map(num), [...all.items.map(num)].sort((a, b) => a - b), 'number order');
  const walked = [];
  let cursor;
  do {
    const page = assertJson(await as.viewer('GET', `/api/v1/document-acknowledgements?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`));
    assert.ok(page.items.length <= 2);
    assert.deepEqual([page.total, page.missing], [all.total, all.missing], 'total and missing count every page');
    walked.push(...page.items);
    cursor = page.next;
  } while (cursor);
  assert.deepEqual(walked, all.items);
  for (const [query, field] of [['limit=0', 'limit'], ['limit=501', 'limit'], ['limit=x', 'limit'], ['cursor=nope', 'cursor'], ['sort=-number', 'sort'], ['sort=title', 'sort'], ['q=policy', 'q'], ['status=missing', 'status']]) {
    const p = assertProblem(await as.viewer('GET', `/api/v1/document-acknowledgements?${query}`), 400);
    assert.ok(p.errors?.some((e) => e.field === field), `${query}: ${JSON.stringify(p)}`);
  }
});

test('overdue reviews count published documents not archived whose review date is before today', async () => {
  const overdue = async () => assertJson(await c('GET', '/api/v1/dashboard')).cards.documents.overdue_reviews;
  const start = await overdue();
  const due = await newDocument({ next_review_date: day(-1) });
  await publish(due, { content: 'late' });
  await newDocument({ next_review_date: day(-30) });  // never published: nothing to review
  const archived = await newDocument({ next_review_date: day(-2) });
  await publish(archived, { content: 'old' });
  assertJson(await c('POST', `${DOCS}/${archived}/archive`, { headers: { 'if-match': '"v1"' } }));
  for (const date of [day(0), day(10)]) await publish(await newDocument({ next_review_date: date }), { content: 'on time' });
  assert.equal(await overdue(), start + 1);
  assertJson(await c('POST', `${DOCS}/${due}/review`, { json: {} }));
  assert.equal(await overdue(), start);
});

test('the caller\'s acknowledgements list shows a document stored in a form that cannot be read as an error row', async () => {
  const good = await newDocument({ title: 'Readable', ack_required: true, audience: [ids.viewer] });
  await publish(good, { content: 'fine' });
  const bad = await newDocument({ title: 'Broken', ack_required: true, audience: [ids.viewer] });
  await publish(bad, { content: 'soon broken' });
  const before = assertJson(await as.viewer('GET', '/api/v1/document-acknowledgements'));
  sqlite(srv.dataDir, `UPDATE records SET doc = '["not a document"]' WHERE kind = 'document' AND id = '${bad}'`);
  const mine = assertJson(await as.viewer('GET', '/api/v1/document-acknowledgements'));
  assert.equal(mine.items.length, before.items.length);
  assert.equal(mine.items.find((i) => i.document_id === good).acknowledged_at, null);
  const row = mine.items.find((i) => i.document_id === bad);
  assert.match(row.error, /cannot be read/);
  assert.equal(row.title, undefined);
  assert.equal(mine.missing, before.missing - 1, 'an unreadable document is not counted as missing');
  // The dashboard still answers, counting what it can read.
  assert.equal(typeof assertJson(await c('GET', '/api/v1/dashboard')).cards.documents.missing_acknowledgements, 'number');
});

test('roles below an action get 403 and nothing changes', async () => {
  const id = await newDocument();
  for (const who of ['viewer', 'auditor']) {
    assertProblem(await as[who]('POST', `${DOCS}/${id}/versions`, { json: { content: 'x' } }), 403);
    assert.equal((await versionsOf(id)).length, 0);
  }
  assertJson(await c('POST', `${DOCS}/${id}/versions`, { json: { content: 'x' } }), 201);
  assertProblem(await as.viewer('POST', `${DOCS}/${id}/versions/1.0/submit`), 403);
  assertProblem(await as.auditor('PATCH', `${DOCS}/${id}/versions/1.0`, { json: { content: 'y' }, headers: { 'if-match': '"v1"' } }), 403);
  const v = assertJson(await c('GET', `${DOCS}/${id}/versions/1.0`));
  assert.deepEqual([v.status, v.content, v.version], ['draft', 'x', 1]);
  // Bad input changes nothing either.
  assertProblem(await c('PATCH', `${DOCS}/${id}/versions/1.0`, { json: { content: 'x'.repeat(200001) }, headers: { 'if-match': '"v1"' } }), 422);
  assertProblem(await c('PATCH', `${DOCS}/${id}/versions/1.0`, { json: { colour: 'red' }, headers: { 'if-match': '"v1"' } }), 422);
  assertProblem(await c('POST', `${DOCS}/${id}/versions`, { json: { step: 'huge' } }), 422);
  assert.equal(assertJson(await c('GET', `${DOCS}/${id}/versions/1.0`)).version, 1);
});

test('another organization\'s documents and versions are unknown (404)', async () => {
  const id = await newDocument();
  await publish(id, { content: 'ours' });
  const org = aims(['org', 'create', '--data', srv.dataDir, '--name', 'Other docs', '--admin-email', 'docs-other@x.test'], PW + '\n');
  assert.equal(org.status, 0, org.stderr);
  const other = client(srv.url, await login(srv.url, 'docs-other@x.test', PW));
  assertProblem(await other('GET', `${DOCS}/${id}/versions`), 404);
  assertProblem(await other('GET', `${DOCS}/${id}/versions/1.0`), 404);
  assertProblem(await other('POST', `${DOCS}/${id}/versions`, { json: {} }), 404);
  assertProblem(await other('POST', `${DOCS}/${id}/review`, { json: {} }), 404);
  assertProblem(await other('GET', `${DOCS}/${id}/diff?from=1.0&to=1.0`), 404);
  assertProblem(await other('GET', `${DOCS}/${id}/acknowledgements`), 404);
  assertProblem(await other('GET', `${DOCS}/${id}/versions/1.0/pdf`), 404);
  assert.deepEqual(assertJson(await other('GET', '/api/v1/document-acknowledgements')).items, []);
  assert.equal((await versionsOf(id)).length, 1);
});

test('attachments are evidence from the vault linked to the document', async () => {
  const id = await newDocument({ title: 'AI risk management procedure', type: 'procedure' });
  const ev = assertJson(await c('POST', '/api/v1/evidence?filename=template.txt', {
    body: Buffer.from('risk register template'), headers: { 'content-type': 'application/octet-stream' },
  }), 201);
  const link = assertJson(await c('POST', `/api/v1/evidence/${ev.id}/links`, { json: { target: `document:${id}` } }), 201);
  assert.equal(link.target_type, 'document');
  assert.match(link.label, new RegExp(`^${id} `));
  const linked = assertJson(await c('GET', `/api/v1/evidence?linked_to=document:${id}`));
  assert.deepEqual(linked.items.map((e) => e.id), [ev.id]);
  assertProblem(await c('POST', `/api/v1/evidence/${ev.id}/links`, { json: { target: 'document:DOC-999' } }), 422);
});
