// Edge values for every whole-number input (numbers.test.mjs covers the decimal ones: objective
// targets, readings, thresholds, and risk scores): impact assessment severities and likelihoods,
// impact settings thresholds, gap assessment target maturity, maturity answers and roadmap
// capacity, API token lifetimes, risk criteria, and the numbers of query strings and paths (limit,
// within_days, SoA version numbers). Subnormal, huge, beyond a double, negative zero, many digits,
// not whole, out of range and not a number at all: each is refused with a problem naming the field
// and changes nothing, and each good value is read back exactly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertProblem, assertJson } from '../lib/http.mjs';
import { serverForFile } from '../lib/fixture.mjs';
import { SYS, ASM, IA } from '../lib/paths.mjs';

let srv, c, sys;

serverForFile(async (s) => {
  ({ srv, c } = s);
  sys = assertJson(await c('POST', SYS, { json: { name: 'Numbers system', purpose: 'Takes edge values' } }), 201);
});

/** Sends `text` as the JSON body as is: numbers JSON.stringify cannot write (1e400, -0.0) go out verbatim. */
const raw = (method, path, text, headers = {}) => c(method, path, { body: text, headers: { 'content-type': 'application/json', ...headers } });
/** JSON text of `value` with the string '@@' replaced by the number text `num`. */
const put = (value, num) => JSON.stringify(value).replace('"@@"', num);

/** Not a whole number, or not one a field could take: refused wherever a whole number is expected. */
const NEVER_WHOLE = ['2.5', '0.5', '1e-300', '5e-324', '1e-310', '1e308', '1.7976931348623157e308', '1e309', '-1e309',
  '123456789012345678901234567890', '18446744073709551616', '9223372036854775808', '-9223372036854775809',
  '"3"', 'true', 'null', '[3]', '{}'];

/**
 * Probes one whole-number field in [lo, hi]: `send(text)` sends the body with the field's number
 * text; `state()` is what must not change on a refusal; `read(r)` is the stored value from the
 * answer of an accepted request; `field` the name the problem must give.
 */
async function probeWhole({ lo, hi, nullable = false, field, send, state, read, status = 422 }) {
  const bad = [...NEVER_WHOLE.filter((t) => !(nullable && t === 'null')), String(lo - 1), String(hi + 1), '-1', `${hi}.5`];
  for (const text of bad) {
    const before = await state();
    const r = await send(text);
    const p = assertProblem(r, status);
    assert.ok(p.errors?.some((e) => e.field === field), `${field} = ${text}: ${JSON.stringify(p)}`);
    assert.deepEqual(await state(), before, `${field} = ${text}: a refused value changed something`);
  }
  // Negative zero is zero: taken as 0 where 0 is in range, refused naming the field otherwise.
  for (const text of ['-0', '-0.0']) {
    const r = await send(text);
    if (lo <= 0) {
      assert.ok(r.status < 300, `${field} = ${text}: ${r.status} ${r.text}`);
      assert.ok(Object.is(await read(r), 0), `${field} = ${text} is read back as ${await read(r)}`);
      assert.doesNotMatch(r.text, /-0[^.0-9]/);
    } else {
      assert.ok(assertProblem(r, status).errors.some((e) => e.field === field), `${field} = ${text}`);
    }
  }
  for (const v of [lo, hi, Math.floor((lo + hi) / 2)]) {
    const r = await send(String(v));
    assert.ok(r.status < 300, `${field} = ${v}: ${r.status} ${r.text}`);
    assert.equal(await read(r), v, `${field} = ${v} is not read back exactly`);
  }
}

const harm = (severity, likelihood) => ({ category: 'individual', type: 'harm', affected_party: 'Applicants', description: 'Edge values', severity, likelihood });

test('impact assessments: severity and likelihood of an impact take 1 to 4 only', async () => {
  const total = async () => assertJson(await c('GET', `${IA}?limit=500`)).total;
  for (const [key, idx] of [['severity', 0], ['likelihood', 1]]) {
    const args = [2, 2];
    args[idx] = '@@';
    await probeWhole({
      lo: 1, hi: 4, field: `impacts[0].${key}`,
      send: (t) => raw('POST', IA, put({ system_id: sys.id, impacts: [harm(...args)] }, t)),
      state: total,
      read: async (r) => {
        const made = assertJson(r, 201);
        const got = assertJson(await c('GET', `${IA}/${made.id}`));
        assert.equal(got.impacts[0][key], made.impacts[0][key]);
        return got.impacts[0][key];
      },
    });
  }
});

test('impact settings: the sensitive and restricted scores take 1 to 16 only; a refusal changes nothing', async () => {
  const state = async () => assertJson(await c('GET', `${IA}/settings`));
  const body = { sensitive_score: 1, restricted_score: 16, restricted_approver: 'admin', measures_required_from: 'restricted' };
  for (const field of ['sensitive_score', 'restricted_score']) {
    await probeWhole({
      lo: 1, hi: 16, field,
      send: async (t) => {
        const etag = (await c('GET', `${IA}/settings`)).headers.get('etag');
        return raw('PUT', `${IA}/settings`, put({ ...body, [field]: '@@' }, t), { 'if-match': etag });
      },
      state,
      read: async (r) => {
        assertJson(r);
        return (await state())[field];
      },
    });
  }
});

test('gap assessments: target maturity 1 to 5, answers 0 to 5 (or null), roadmap capacity 1 to 20', async () => {
  const list = async () => assertJson(await c('GET', `${ASM}?limit=500`)).items.map((a) => JSON.stringify(a)).sort();
  await probeWhole({
    lo: 1, hi: 5, field: 'target_maturity',
    send: (t) => raw('POST', ASM, put({ name: 'Edge assessment', target_maturity: '@@' }, t)),
    state: list,
    read: async (r) => assertJson(await c('GET', `${ASM}/${assertJson(r, 201).id}`)).target_maturity,
  });
  const a = assertJson(await c('POST', ASM, { json: { name: 'Answered at the edge' } }), 201);
  const item = '4.1';
  const path = `${ASM}/${a.id}/answers/${item}`;
  const answer = async () => assertJson(await c('GET', path));
  await probeWhole({
    lo: 0, hi: 5, nullable: true, field: 'maturity',
    send: async (t) => {
      const r = await c('GET', path);
      const etag = r.headers.get('etag');
      return raw('PUT', path, put({ maturity: '@@' }, t), etag ? { 'if-match': etag } : {});
    },
    state: answer,
    read: async (r) => {
      assertJson(r);
      return (await answer()).maturity;
    },
  });
  const roadmap = async () => assertJson(await c('GET', `${ASM}/${a.id}/roadmap`));
  await probeWhole({
    lo: 1, hi: 20, field: 'capacity',
    send: (t) => raw('POST', `${ASM}/${a.id}/roadmap`, put({ capacity: '@@' }, t)),
    state: roadmap,
    read: async (r) => assertJson(r).capacity,
  });
});

test('API tokens: expires_in_days takes 1 to 3650 (or null)', async () => {
  const tokens = async () => assertJson(await c('GET', '/api/v1/tokens')).items.map((t) => t.id).sort();
  await probeWhole({
    lo: 1, hi: 3650, nullable: true, field: 'expires_in_days',
    send: (t) => raw('POST', '/api/v1/tokens', put({ name: 'edge', expires_in_days: '@@' }, t)),
    state: tokens,
    read: async (r) => {
      const t = assertJson(r, 201);
      return Math.round((Date.parse(t.expires_at) - Date.parse(t.created_at)) / 86400000);
    },
  });
});

test('risk criteria: the acceptance threshold and matrix cells are level ids, never numbers', async () => {
  const r0 = await c('GET', '/api/v1/risk-criteria');
  const crit = assertJson(r0);
  const body = { likelihood: crit.likelihood, impact: crit.impact, levels: crit.levels, matrix: crit.matrix, acceptance_threshold: crit.acceptance_threshold };
  for (const text of ['0', '1', '-0', '1e309', '5e-324', '2.5']) {
    const etag = (await c('GET', '/api/v1/risk-criteria')).headers.get('etag');
    let p = assertProblem(await raw('PUT', '/api/v1/risk-criteria', put({ ...body, acceptance_threshold: '@@' }, text), { 'if-match': etag }), 422);
    assert.ok(p.errors.some((e) => e.field === 'acceptance_threshold'), JSON.stringify(p.errors));
    const matrix = body.matrix.map((row) => [...row]);
    matrix[0][0] = '@@';
    p = assertProblem(await raw('PUT', '/api/v1/risk-criteria', put({ ...body, matrix }, text), { 'if-match': etag }), 422);
    assert.ok(p.errors.some((e) => e.field.startsWith('matrix')), JSON.stringify(p.errors));
    const steps = [...body.likelihood];
    steps[0] = '@@';
    p = assertProblem(await raw('PUT', '/api/v1/risk-criteria', put({ ...body, likelihood: steps }, text), { 'if-match': etag }), 422);
    assert.ok(p.errors.some((e) => e.field.startsWith('likelihood')), JSON.stringify(p.errors));
  }
  assert.deepEqual(assertJson(await c('GET', '/api/v1/risk-criteria')), crit, 'refused criteria changed something');
});

const BAD_COUNTS = ['1e3', '-0', '9999999999', '99999999999999999999', '0', '-1', '2.5', '+5', '0x10', '5abc', ' 5', '1e-300', 'NaN', 'Infinity'];

test('limit of every list takes a whole number from 1 only: 1e3, -0, 9999999999 and the like are a 400 naming it', async () => {
  const obj = assertJson(await c('POST', '/api/v1/objectives', { json: { title: 'Listed', annex_c_objective: 'C.2.5', measure: 'x', owner: 'o', due_date: '2030-01-01', target_value: 1 } }), 201);
  const risk = assertJson(await c('POST', '/api/v1/risks', { json: { title: 'Listed', inherent_likelihood: 2, inherent_impact: 2 } }), 201);
  const lists = [SYS, `${SYS}/${sys.id}/history`, '/api/v1/risks', `/api/v1/risks/${risk.id}/history`, '/api/v1/objectives',
    `/api/v1/objectives/${obj.id}/history`, `/api/v1/objectives/${obj.id}/readings`, '/api/v1/evidence', IA, ASM,
    '/api/v1/obligations', '/api/v1/audit/entries', '/api/v1/catalog/frameworks/iso42001/items'];
  const wrong = [];
  for (const path of lists) {
    assertJson(await c('GET', `${path}?limit=1`));
    for (const limit of BAD_COUNTS) {
      const r = await c('GET', `${path}?limit=${encodeURIComponent(limit)}`);
      if (r.status !== 400 || !r.body?.errors?.some((e) => e.field === 'limit'))
        wrong.push(`${path}?limit=${limit}: ${r.status} ${r.text.slice(0, 120)}`);
      else assertProblem(r, 400);
    }
  }
  assert.deepEqual(wrong, []);
});

test('within_days of evidence freshness takes 0 to 3650; SoA version numbers in paths and queries are whole numbers from 1', async () => {
  // Negative zero is zero, which is in range here.
  for (const v of ['0', '-0', '3650', '30']) assert.ok(Object.is(assertJson(await c('GET', `/api/v1/evidence/freshness?within_days=${v}`)).within_days, Math.abs(Number(v))));
  const wrong = [];
  for (const v of [...BAD_COUNTS.filter((x) => x !== '0' && x !== '-0'), '3651']) {
    const r = await c('GET', `/api/v1/evidence/freshness?within_days=${encodeURIComponent(v)}`);
    if (r.status !== 400 || !r.body?.errors?.some((e) => e.field === 'within_days')) wrong.push(`within_days=${v}: ${r.status} ${r.text.slice(0, 120)}`);
  }
  for (const v of BAD_COUNTS) {
    const r = await c('GET', `/api/v1/soa/versions/${encodeURIComponent(v)}`);
    if (![400, 404].includes(r.status) || !/problem\+json/.test(r.ct)) wrong.push(`soa/versions/${v}: ${r.status} ${r.text.slice(0, 120)}`);
    // A whole number from 1 is a version number, only not an approved one (404).
    const d = await c('GET', `/api/v1/soa/diff?from=${encodeURIComponent(v)}&to=working`);
    if (/^[1-9]\d{0,17}$/.test(v)) {
      if (d.status !== 404 || !/problem\+json/.test(d.ct)) wrong.push(`soa/diff?from=${v}: ${d.status} ${d.text.slice(0, 120)}`);
    } else if (![400, 422].includes(d.status) || !d.body?.errors?.some((e) => e.field === 'from')) wrong.push(`soa/diff?from=${v}: ${d.status} ${d.text.slice(0, 120)}`);
  }
  assert.deepEqual(wrong, []);
});
