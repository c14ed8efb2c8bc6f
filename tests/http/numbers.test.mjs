// Numbers from outside and stored records that cannot be read: every edge value of a number field
// (subnormal, tiny, huge, beyond a double, negative zero, many digits, beyond int64, negative where
// only positive is valid) is either accepted and read back exactly or refused with a problem that
// names the field, changing nothing; and a record stored in a form that cannot be read shows as an
// error row in its list (the rest of the list still works) while its own GET answers a problem.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertProblem, assertJson } from '../lib/http.mjs';
import { serverForFile, sqlite, day } from '../lib/fixture.mjs';
import { SYS, RISKS, OBJ } from '../lib/paths.mjs';

let srv, c, orgId;

serverForFile(async (s) => {
  ({ srv, c } = s);
  orgId = assertJson(await c('GET', '/api/v1/me')).organization.id;
});

/** Sends `text` as the JSON body as is: numbers JSON.stringify cannot write (1e400, -0.0) go out verbatim. */
const raw = (method, path, text, headers = {}) => c(method, path, { body: text, headers: { 'content-type': 'application/json', ...headers } });

/** A JSON object text with `field` set to the number text `num`, the other fields from `fields`. */
const withNumber = (fields, field, num) => JSON.stringify({ ...fields, [field]: '@@' }).replace('"@@"', num);

const objective = (over = {}) => ({
  title: 'Numbers at the edge',
  annex_c_objective: 'C.2.5',
  measure: 'A ratio',
  owner: 'Owner',
  due_date: day(90),
  ...over,
});

// Number texts and the double each must read back as (null: refused).
const EDGES = [
  ['5e-324', 5e-324],
  ['1e-310', 1e-310],
  ['1e-300', 1e-300],
  ['1e-80', 1e-80],
  ['0.1000000000000000055511151231257827', 0.1],
  ['-0.0', 0],  // negative zero is kept as 0
  ['-0', 0],
  ['123456.75', 123456.75],
  ['1e15', 1e15],
  ['1e308', null],
  ['1.7976931348623157e308', null],
  ['1e400', null],
  ['-1e400', null],
  ['123456789012345678901234567890', null],
  ['18446744073709551616', null],
  ['9223372036854775808', null],
  ['"1"', null],
];

/** Asserts the organization's lists and summaries that show objectives and risks still answer 200. */
async function listsStayUp() {
  assertJson(await c('GET', OBJ));
  assertJson(await c('GET', `${OBJ}/summary`));
  assertJson(await c('GET', RISKS));
  assertJson(await c('GET', `${RISKS}/heatmap`));
}

test('objective targets: edge values are read back exactly or refused naming the field', async () => {
  const cases = [
    ['target_value', {}],
    ['target_min', { direction: 'within_range', target_max: 1e15 }],
    ['target_max', { direction: 'within_range', target_min: -1e15 }],
    ['warning_margin', { direction: 'within_range', target_min: 0, target_max: 1 }],
  ];
  for (const [field, extra] of cases) {
    for (const [text, want] of EDGES) {
      const fields = field === 'target_value' ? objective(extra) : objective({ target_value: null, ...extra });
      const before = assertJson(await c('GET', OBJ)).total;
      const r = await raw('POST', OBJ, withNumber(fields, field, text));
      const margin = field === 'warning_margin' && want !== null && want <= 0;
      if (want === null || margin) {
        const p = assertProblem(r, 422);
        assert.deepEqual(p.errors.map((e) => e.field), [field], `${field} = ${text}`);
        assert.equal(assertJson(await c('GET', OBJ)).total, before, 'a refused objective is not stored');
        continue;
      }
      const made = assertJson(r, 201);
      assert.equal(made[field], want, `${field} = ${text}: the answer`);
      assert.ok(Number.isFinite(made[field]));
      assert.equal(assertJson(await c('GET', `${OBJ}/${made.id}`))[field], want, `${field} = ${text}: GET`);
      const listed = assertJson(await c('GET', `${OBJ}?limit=500`)).items.find((o) => o.id === made.id);
      assert.equal(listed[field], want, `${field} = ${text}: list`);
    }
  }
  await listsStayUp();
});

test('objective readings and warning thresholds: edge values are read back exactly or refused naming the field', async () => {
  const obj = assertJson(await c('POST', OBJ, { json: objective({ target_value: 1e-300 }) }), 201);
  assert.equal(obj.target_value, 1e-300);
  for (const [text, want] of EDGES) {
    const r = await raw('POST', `${OBJ}/${obj.id}/readings`, withNumber({ note: text }, 'value', text));
    if (want === null) {
      const p = assertProblem(r, 422);
      assert.deepEqual(p.errors.map((e) => e.field), ['value'], `value = ${text}`);
      continue;
    }
    const made = assertJson(r, 201);
    assert.equal(made.reading.value, want, `value = ${text}`);
    const list = assertJson(await c('GET', `${OBJ}/${obj.id}/readings?limit=500`));
    assert.equal(list.items.find((x) => x.id === made.reading.id).value, want);
  }
  const readings = assertJson(await c('GET', `${OBJ}/${obj.id}/readings?limit=500`));
  assert.equal(readings.total, EDGES.filter(([, w]) => w !== null).length, 'refused readings are not stored');
  // A warning threshold below a tiny target, then one that does not fit.
  const etag = (await c('GET', `${OBJ}/${obj.id}`)).headers.get('etag');
  const changed = assertJson(await raw('PATCH', `${OBJ}/${obj.id}`, '{"warning_threshold": 5e-324}', { 'if-match': etag }));
  assert.equal(changed.warning_threshold, 5e-324);
  const p = assertProblem(await raw('PATCH', `${OBJ}/${obj.id}`, '{"warning_threshold": -1e400}', { 'if-match': changed.version ? `"v${changed.version}"` : etag }), 422);
  assert.deepEqual(p.errors.map((e) => e.field), ['warning_threshold']);
  assert.equal(assertJson(await c('GET', `${OBJ}/${obj.id}`)).warning_threshold, 5e-324, 'the refused change changed nothing');
  await listsStayUp();
});

test('risk scores take whole numbers on the scale only; limits take whole numbers in range', async () => {
  const before = assertJson(await c('GET', RISKS)).total;
  for (const field of ['inherent_likelihood', 'inherent_impact', 'residual_likelihood', 'residual_impact']) {
    for (const text of ['0', '-1', '6', '2.5', '1e-300', '5e-324', '1e400', '-0.0', '18446744073709551616', '123456789012345678901234567890', '"3"']) {
      const body = withNumber({ title: 'Scored', inherent_likelihood: 3, inherent_impact: 3 }, field, text);
      const p = assertProblem(await raw('POST', RISKS, body), 422);
      assert.ok(p.errors.some((e) => e.field === field), `${field} = ${text}: ${JSON.stringify(p.errors)}`);
    }
    const ok = assertJson(await raw('POST', RISKS, withNumber({ title: 'Scored', inherent_likelihood: 3, inherent_impact: 3 }, field, '2')), 201);
    assert.equal(ok[field], 2);
  }
  assert.equal(assertJson(await c('GET', RISKS)).total, before + 4, 'only the four valid risks were stored');
  for (const path of [RISKS, OBJ, SYS, '/api/v1/evidence', '/api/v1/impact-assessments']) {
    for (const limit of ['0', '-1', '1e3', '99999999999999999999', '2.5']) {
      const p = assertProblem(await c('GET', `${path}?limit=${limit}`), 400);
      assert.ok(p.errors.some((e) => e.field === 'limit'), `${path}?limit=${limit}: ${JSON.stringify(p.errors)}`);
    }
  }
  await listsStayUp();
});

/** Runs SQL on the server's SQLite database (the server keeps running). */
const sql = (q) => sqlite(srv.dataDir, q);

test('a record stored in a form that cannot be read is an error row in its list, and its GET answers a problem', async () => {
  const sys = assertJson(await c('POST', SYS, { json: { name: 'Broken later', purpose: 'x' } }), 201);
  const fine = assertJson(await c('POST', SYS, { json: { name: 'Stays fine', purpose: 'x' } }), 201);
  const risk = assertJson(await c('POST', RISKS, { json: { title: 'Broken later', inherent_likelihood: 2, inherent_impact: 2 } }), 201);
  const obj = assertJson(await c('POST', OBJ, { json: objective({ title: 'Broken later', target_value: 1 }) }), 201);
  const okObj = assertJson(await c('POST', OBJ, { json: objective({ title: 'Stays fine', target_value: 1 }) }), 201);
  const reading = assertJson(await c('POST', `${OBJ}/${okObj.id}/readings`, { json: { value: 0.5 } }), 201).reading;
  assertJson(await c('POST', `${OBJ}/${okObj.id}/readings`, { json: { value: 0.75 } }), 201);

  const broken = `'{"target_value":.0,"title":"x"}'`;
  sql(`UPDATE systems SET doc = ${broken} WHERE id = '${sys.id}'`);
  sql(`UPDATE records SET doc = ${broken} WHERE kind = 'risk' AND id = '${risk.id}'`);
  sql(`UPDATE records SET doc = ${broken} WHERE kind = 'objective' AND id = '${obj.id}'`);
  sql(`UPDATE records SET doc = ${broken} WHERE kind = 'objective_reading' AND id = '${reading.id}'`);
  const now = new Date().toISOString();
  const insert = (kind, parent, id) =>
    sql(`INSERT INTO records (org_id, kind, parent_id, id, position, ref, version, created_at, updated_at, doc)
         VALUES ('${orgId}', '${kind}', '${parent}', '${id}', 900, '', 1, '${now}', '${now}', 'not json at all')`);
  insert('evidence', '', 'ev_broken');
  insert('impact_assessment', '', 'ia_broken');
  insert('obligation', fine.id, 'art26');

  const errorRow = (items, id) => {
    const row = items.find((x) => x.id === id);
    assert.ok(row, `no row for ${id} in ${JSON.stringify(items).slice(0, 400)}`);
    assert.equal(typeof row.error, 'string');
    assert.match(row.error, /cannot be read/);
    return row;
  };
  // limit=49: a page the list cache has not seen, read from the database.
  const systems = assertJson(await c('GET', `${SYS}?limit=49`));
  errorRow(systems.items, sys.id);
  assert.ok(systems.items.some((s) => s.id === fine.id && s.name === 'Stays fine'));
  const risks = assertJson(await c('GET', `${RISKS}?limit=500`));
  errorRow(risks.items, risk.id);
  assert.ok(risks.items.some((r) => !r.error && r.title === 'Scored'));
  assertJson(await c('GET', `${RISKS}/heatmap`));
  const objectives = assertJson(await c('GET', `${OBJ}?limit=500`));
  errorRow(objectives.items, obj.id);
  assert.ok(objectives.items.some((o) => o.id === okObj.id && !o.error));
  const summary = assertJson(await c('GET', `${OBJ}/summary`));
  assert.equal(summary.unreadable, 1);
  const readings = assertJson(await c('GET', `${OBJ}/${okObj.id}/readings`));
  errorRow(readings.items, reading.id);
  assert.ok(readings.items.some((x) => x.value === 0.75));
  errorRow(assertJson(await c('GET', '/api/v1/evidence')).items, 'ev_broken');
  assertJson(await c('GET', '/api/v1/evidence/freshness'));
  errorRow(assertJson(await c('GET', '/api/v1/impact-assessments')).items, 'ia_broken');
  errorRow(assertJson(await c('GET', '/api/v1/obligations')).items, `${fine.id}:art26`);

  // The records themselves answer a problem, not a broken body.
  for (const path of [`${SYS}/${sys.id}`, `${RISKS}/${risk.id}`, `${OBJ}/${obj.id}`, '/api/v1/impact-assessments/ia_broken'])
    assertProblem(await c('GET', path), 500);
  assert.match(srv.log(), /stored record unreadable/);
});
