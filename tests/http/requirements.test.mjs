// What is particular to the requirements of interested parties (clause 4.2): the party is
// required and must be the organization's; the cross-field rule (a requirement not adopted says
// why and only then; one addressed wholly or partly says how); the links to Annex A controls
// (checked against the catalog), legal requirements and risks. A refused body stores nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertProblem, assertJson } from '../lib/http.mjs';
import { serverForFile } from '../lib/fixture.mjs';

const REQ = '/api/v1/party-requirements';
let c, party, legal, risk;

serverForFile(async ({ c: admin }) => {
  c = admin;
  party = assertJson(await c('POST', '/api/v1/interested-parties', { json: { name: 'Loan applicants', party_type: 'affected_persons', origin: 'external' } }), 201).id;
  legal = assertJson(await c('POST', '/api/v1/legal-requirements', { json: { source: 'GDPR', source_type: 'law', reference: 'Art. 22', requirement: 'Human review of automated decisions.' } }), 201).id;
  risk = assertJson(await c('POST', '/api/v1/risks', { json: { title: 'Unfair refusals', inherent_likelihood: 3, inherent_impact: 4 } }), 201).id;
});

const base = () => ({ requirement: 'A person reviews a refused application', party_id: party });
const count = async () => assertJson(await c('GET', REQ)).total;

/** POSTs `body`, expects a 422 naming exactly `fields`, and that nothing was stored. */
async function refused(body, fields) {
  const before = await count();
  const p = assertProblem(await c('POST', REQ, { json: body }), 422);
  assert.deepEqual(p.errors.map((e) => e.field).sort(), [...fields].sort(), JSON.stringify(p.errors));
  assert.equal(await count(), before, 'nothing was stored');
  return p;
}

test('the party is required and must be an interested party of the organization', async () => {
  await refused({ requirement: 'x' }, ['party_id']);
  await refused({ ...base(), party_id: 'IP-99' }, ['party_id']);
  const made = assertJson(await c('POST', REQ, { json: base() }), 201);
  assert.equal(made.id, 'REQ-1');
  assert.equal(made.adopted, true, 'adopted by default');
  assert.equal(made.addressed, 'no', 'not addressed by default');
  assert.deepEqual(assertJson(await c('GET', `${REQ}?party_id=${party}`)).items.map((r) => r.id), ['REQ-1']);
});

test('not adopted needs a reason and only then; addressed yes or partly needs how, "no" does not', async () => {
  await refused({ ...base(), adopted: false }, ['not_adopted_reason']);
  await refused({ ...base(), not_adopted_reason: 'We do not want to' }, ['not_adopted_reason']);
  await refused({ ...base(), addressed: 'yes' }, ['how_addressed']);
  await refused({ ...base(), addressed: 'partly', how_addressed: '   ' }, ['how_addressed']);
  await refused({ ...base(), addressed: 'maybe' }, ['addressed']);
  const out = assertJson(await c('POST', REQ, { json: { ...base(), adopted: false, not_adopted_reason: 'Outside the scope of the AIMS' } }), 201);
  assert.equal(out.addressed, 'no');
  const made = assertJson(await c('POST', REQ, { json: { ...base(), addressed: 'partly', how_addressed: 'Refusals are reviewed on request.' } }), 201);
  // A patch is checked against the whole record: clearing "how" of a partly addressed requirement.
  const at = `${REQ}/${made.id}`;
  const p = assertProblem(await c('PATCH', at, { json: { how_addressed: null }, headers: { 'if-match': '"v1"' } }), 422);
  assert.deepEqual(p.errors.map((e) => e.field), ['how_addressed']);
  const q = assertProblem(await c('PATCH', at, { json: { adopted: false }, headers: { 'if-match': '"v1"' } }), 422);
  assert.deepEqual(q.errors.map((e) => e.field), ['not_adopted_reason']);
  assert.equal(assertJson(await c('GET', at)).version, 1, 'nothing changed');
  const done = assertJson(await c('PATCH', at, { json: { addressed: 'yes' }, headers: { 'if-match': '"v1"' } }));
  assert.equal(done.addressed, 'yes');
  const back = assertJson(await c('PATCH', at, { json: { adopted: false, not_adopted_reason: 'Replaced by REQ-1' }, headers: { 'if-match': '"v2"' } }));
  assert.equal(back.adopted, false);
  assert.deepEqual(assertJson(await c('GET', `${REQ}?adopted=false`)).items.map((r) => r.id).sort(), [out.id, made.id].sort());
});

test('links name Annex A controls of the catalog, legal requirements and risks of the organization', async () => {
  const schema = assertJson(await c('GET', '/api/v1/kinds')).items.find((k) => k.kind === 'party_requirement');
  const refs = Object.fromEntries(schema.fields.filter((f) => f.ref).map((f) => [f.name, f.ref]));
  assert.deepEqual(refs, { party_id: 'interested_party', legal_requirement_ids: 'legal_requirement', risk_ids: 'risk', control_ids: 'control' });
  const p = await refused({ ...base(), control_ids: ['A.5.2', 'A.5'] }, ['control_ids']);
  assert.equal(p.errors[0].message, 'A.5 is not an Annex A control of ISO/IEC 42001');
  await refused({ ...base(), control_ids: ['4.2'] }, ['control_ids']);
  await refused({ ...base(), legal_requirement_ids: ['LR-9'] }, ['legal_requirement_ids']);
  await refused({ ...base(), risk_ids: ['R-77'] }, ['risk_ids']);
  await refused({ ...base(), control_ids: Array.from({ length: 51 }, (_, i) => `A.5.${i}`) }, ['control_ids']);
  const made = assertJson(await c('POST', REQ, {
    json: { ...base(), addressed: 'yes', how_addressed: 'Credit officers review refusals.', control_ids: ['A.9.2', 'A.10.4', 'A.9.2'], legal_requirement_ids: [legal], risk_ids: [risk], documents: 'Credit decision procedure' },
  }), 201);
  assert.deepEqual(made.control_ids, ['A.9.2', 'A.10.4'], 'de-duplicated, in order');
  assert.deepEqual(made.legal_requirement_ids, [legal]);
  assert.deepEqual(made.risk_ids, [risk]);
  const got = assertJson(await c('GET', `${REQ}/${made.id}`));
  assert.deepEqual(got.control_ids, ['A.9.2', 'A.10.4']);
  const q = assertProblem(await c('PATCH', `${REQ}/${made.id}`, { json: { control_ids: ['A.10.9'] }, headers: { 'if-match': '"v1"' } }), 422);
  assert.deepEqual(q.errors.map((e) => e.field), ['control_ids']);
  assert.deepEqual(assertJson(await c('GET', `${REQ}/${made.id}`)).control_ids, ['A.9.2', 'A.10.4'], 'nothing changed');
});
