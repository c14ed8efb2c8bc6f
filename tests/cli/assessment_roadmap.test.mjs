// `aims assessment roadmap` prints what the roadmap rests on, from the API's own fields: the
// coverage (answered / total, with a warning while the assessment is incomplete) and the controls
// left out because the SoA excludes them, with the SoA's justification.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { client } from '../lib/http.mjs';
import { ok, esc, json, closeCliSession, openCliSession } from '../lib/cli.mjs';

describe('aims assessment roadmap: coverage and SoA exclusions', () => {
  let server, tmp, env, api, id;

  before(async () => {
    ({ server, env, tmp } = await openCliSession(undefined, 'aims-cli-roadmap-'));
    api = client(server.url, { token: env.token });
    const r = ok(['assessment', 'create', '--name', 'Roadmap basis', '--target', '3', '--approach', 'annex_a', '--date', '2026-03-01']);
    id = r.stdout.match(/^Created (asm_\w+):/m)[1];
  });

  after(() => closeCliSession({ env, server, tmp }));

  test('an incomplete assessment: coverage with the warning; no exclusions, no "Left out"', () => {
    ok(['assessment', 'answer', id, 'A.2.2', '--level', '1']);
    ok(['assessment', 'answer', id, 'A.10.3', '--level', '0']);
    const rm = json(['assessment', 'roadmap', id]);
    assert.equal(rm.coverage.complete, false);
    const r = ok(['assessment', 'roadmap', id]);
    assert.match(r.stdout, new RegExp(`^Coverage: ${rm.coverage.answered} of ${rm.coverage.total} items answered$`, 'm'));
    assert.equal(rm.coverage.answered, 2);
    assert.match(r.stdout, /^Warning: the assessment is incomplete\. Unanswered items are planned as maturity 0/m);
    assert.doesNotMatch(r.stdout, /Left out/);
  });

  test('controls the SoA excludes are listed with their justification; a complete assessment has no warning', async () => {
    const why = 'We use no third-party AI suppliers.';
    ok(['soa', 'set', 'A.10.3', '--applicable', 'false', '--justification', why]);
    const items = (await api('GET', `/api/v1/assessments/${id}/answers`)).body.items;
    for (const it of items) {
      if (it.item_id === 'A.2.2' || it.item_id === 'A.10.3') continue;
      const put = await api('PUT', `/api/v1/assessments/${id}/answers/${encodeURIComponent(it.item_id)}`, { json: { maturity: 3 } });
      assert.equal(put.status, 200, put.text);
    }
    const rm = json(['assessment', 'roadmap', id]);
    assert.deepEqual(rm.coverage, { answered: items.length, total: items.length, complete: true });
    assert.deepEqual(rm.excluded.map((x) => x.item_id), ['A.10.3']);
    assert.deepEqual(rm.actions.map((a) => a.item_id), ['A.2.2'], 'the excluded control has no action');

    const r = ok(['assessment', 'roadmap', id]);
    assert.match(r.stdout, new RegExp(`^Coverage: ${items.length} of ${items.length} items answered$`, 'm'));
    assert.doesNotMatch(r.stdout, /Warning/);
    assert.match(r.stdout, /^Left out: excluded in the SoA \(1\)$/m);
    assert.match(r.stdout, /^control\s+title\s+justification$/m);
    assert.match(r.stdout, new RegExp(`^A\\.10\\.3\\s+${esc(rm.excluded[0].title)}\\s+${esc(why)}$`, 'm'));

    // Generating stores the same basis, and the CLI prints it after --generate too.
    const g = ok(['assessment', 'roadmap', id, '--generate']);
    assert.match(g.stdout, /^Left out: excluded in the SoA \(1\)$/m);
    assert.match(g.stdout, new RegExp(`^Coverage: ${items.length} of ${items.length} items answered$`, 'm'));
  });
});
