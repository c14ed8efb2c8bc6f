// What is particular to the interested parties register (clause 4.2) and the climate
// determination (clause 4.1); what every record kind keeps is in record_contract.test.mjs. The
// party types, the owner (a member of the organization, never of another one), the climate filter,
// who may write (contributors up; an auditor gets 403 and nothing changes), and the climate
// decision's date rule and history.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertProblem, assertJson, client, memberClients } from '../lib/http.mjs';
import { serverForFile, otherOrgClient } from '../lib/fixture.mjs';
import { aims, login } from '../lib/server.mjs';

const IP = '/api/v1/interested-parties';
const CD = '/api/v1/climate-determinations';
const PW = 'parties test password';
let c, me, auditor, contributor, stranger;

serverForFile(async ({ srv, c: admin }) => {
  c = admin;
  me = assertJson(await c('GET', '/api/v1/me')).user.id;
  ({ auditor, contributor } = await memberClients(srv, ['auditor', 'contributor'], PW));
  const elsewhere = await otherOrgClient(srv, PW, { name: 'Elsewhere', email: 'else@x.test' });
  stranger = assertJson(await elsewhere('GET', '/api/v1/me')).user.id;
});

const party = { name: 'Market surveillance authority', party_type: 'regulator', origin: 'external' };

test('a party has a type among the listed ones, influence and interest on a scale, and defaults', async () => {
  const schema = assertJson(await c('GET', '/api/v1/kinds')).items.find((k) => k.kind === 'interested_party');
  const values = (name) => schema.fields.find((f) => f.name === name).values.map((v) => v.value);
  assert.deepEqual(values('party_type'), ['regulator', 'customer', 'affected_persons', 'end_users', 'workers', 'supplier', 'investor', 'civil_society', 'other']);
  assert.deepEqual(values('influence'), ['high', 'medium', 'low']);
  assert.equal(schema.fields.find((f) => f.name === 'owner_id').ref, 'user');
  for (const [field, value] of [['party_type', 'government'], ['origin', 'both'], ['influence', 'huge'], ['interest', 3], ['climate_relevant', 'yes']]) {
    const p = assertProblem(await c('POST', IP, { json: { ...party, [field]: value } }), 422);
    assert.deepEqual(p.errors.map((e) => e.field), [field], `${field}=${value}`);
  }
  assert.equal(assertJson(await c('GET', IP)).total, 0, 'nothing was stored');
  const made = assertJson(await c('POST', IP, { json: party }), 201);
  assert.equal(made.id, 'IP-1');
  assert.equal(made.influence, 'medium');
  assert.equal(made.interest, 'medium');
  assert.equal(made.climate_relevant, false);
  assert.equal(made.owner_id, null);
});

test('the owner is a member of the organization; a user of another organization is refused', async () => {
  const p = assertProblem(await c('POST', IP, { json: { ...party, owner_id: stranger } }), 422);
  assert.deepEqual(p.errors.map((e) => e.field), ['owner_id']);
  const before = assertJson(await c('GET', IP)).total;
  const made = assertJson(await c('POST', IP, { json: { ...party, name: 'Data protection authority', owner_id: me, climate_relevant: true } }), 201);
  assert.equal(made.owner_id, me);
  assert.equal(assertJson(await c('GET', IP)).total, before + 1);
  const mine = assertJson(await c('GET', `${IP}?owner_id=${me}`)).items.map((r) => r.id);
  assert.deepEqual(mine, [made.id]);
  const climate = assertJson(await c('GET', `${IP}?climate_relevant=true`)).items.map((r) => r.id);
  assert.deepEqual(climate, [made.id]);
  const q = assertProblem(await c('PATCH', `${IP}/${made.id}`, { json: { owner_id: 'usr_nobody' }, headers: { 'if-match': '"v1"' } }), 422);
  assert.deepEqual(q.errors.map((e) => e.field), ['owner_id']);
  assert.equal(assertJson(await c('GET', `${IP}/${made.id}`)).version, 1, 'nothing changed');
});

test('contributors record parties; an auditor may read but gets 403 and changes nothing', async () => {
  const made = assertJson(await contributor('POST', IP, { json: { ...party, name: 'Works council', party_type: 'workers', origin: 'internal' } }), 201);
  const list = assertJson(await auditor('GET', IP));
  assertProblem(await auditor('POST', IP, { json: party }), 403);
  assertProblem(await auditor('PATCH', `${IP}/${made.id}`, { json: { interest: 'high' }, headers: { 'if-match': '"v1"' } }), 403);
  assertProblem(await auditor('POST', CD, { json: { decision: 'x', relevant: 'no', reasoning: 'x', decided_by: 'x', decided_on: '2026-01-01' } }), 403);
  assert.deepEqual(assertJson(await auditor('GET', IP)), list, 'nothing changed');
  assert.equal(assertJson(await c('GET', CD)).total, 0);
});

test('the climate determination says whether climate change is relevant, why, who decided and when; its versions keep the earlier decision', async () => {
  const body = { decision: 'Climate change is not relevant for now', relevant: 'no', reasoning: 'Our models are small and hosted on renewable energy.', decided_by: 'Management board', decided_on: '2026-03-01' };
  for (const missing of ['relevant', 'reasoning', 'decided_by', 'decided_on']) {
    const { [missing]: _, ...rest } = body;
    const p = assertProblem(await c('POST', CD, { json: rest }), 422);
    assert.deepEqual(p.errors.map((e) => e.field), [missing]);
  }
  const p = assertProblem(await c('POST', CD, { json: { ...body, review_date: '2026-03-01' } }), 422);
  assert.deepEqual(p.errors.map((e) => e.field), ['review_date']);
  assert.equal(assertJson(await c('GET', CD)).total, 0, 'nothing was stored');
  const made = assertJson(await c('POST', CD, { json: { ...body, review_date: '2027-03-01' } }), 201);
  assert.equal(made.id, 'CD-1');
  const changed = assertJson(await c('PATCH', `${CD}/CD-1`, {
    json: { relevant: 'yes', decision: 'Climate change is relevant', reasoning: 'Clients now ask for the energy use of our services.', decided_on: '2026-10-01', review_date: '2027-10-01' },
    headers: { 'if-match': '"v1"' },
  }));
  assert.equal(changed.version, 2);
  const history = assertJson(await c('GET', `${CD}/CD-1/history`)).items;
  assert.deepEqual(history.map((h) => h.operation), ['update', 'create']);
  const relevant = history[0].changes.find((x) => x.field === 'relevant');
  assert.deepEqual([relevant.from, relevant.to], ['no', 'yes']);
  assert.deepEqual(assertJson(await c('GET', `${CD}?relevant=yes`)).items.map((r) => r.id), ['CD-1']);
});
