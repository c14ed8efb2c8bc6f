// Stored list views (docs/storage.md, "Stored list views"): every list of the demo organization —
// each generic kind of GET /api/v1/kinds, and the risks, objectives, obligations, impact
// assessments and evidence — answers the same bytes from the views stored at write time as from
// the rows' documents (the views emptied, as a hand-made edit of a document leaves them), on every
// page. A kind whose view drifts from its served record is caught here. The start-up backfill
// gives views back to rows marked for it, and a document edited behind the server's back loses
// its view (its row is then built from the document: an error row when unreadable).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { startServer, login } from '../lib/server.mjs';
import { client, assertJson, stopServer } from '../lib/http.mjs';
import { sqlite } from '../lib/fixture.mjs';

let srv;
let dataDir;
after(async () => {
  await srv?.kill();  // left running only when a step failed
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const HAND_MADE = ['/api/v1/risks', '/api/v1/objectives', '/api/v1/obligations', '/api/v1/impact-assessments', '/api/v1/evidence'];

/** Every page's text of each list (limit 7, following the cursors), by path. */
async function pages(c, paths) {
  const out = {};
  for (const path of paths) {
    const texts = [];
    let cursor = '';
    do {
      const r = await c('GET', `${path}?limit=7${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      const body = assertJson(r);
      texts.push(r.text);
      cursor = body.next ?? '';
    } while (cursor && texts.length < 100);
    out[path] = texts;
  }
  return out;
}

test('every list of the demo answers the same bytes from its stored views as from its documents', async () => {
  srv = await startServer({ demo: true, keepData: true });
  dataDir = srv.dataDir;
  const { email, password } = srv.admin;
  let c = client(srv.url, await login(srv.url, email, password));
  const kinds = assertJson(await c('GET', '/api/v1/kinds'));
  const paths = [...HAND_MADE, ...kinds.items.map((k) => `/api/v1/${k.path}`)];
  const stored = await pages(c, paths);
  const views = Number(sqlite(dataDir, "SELECT COUNT(*) FROM records WHERE list_view <> ''").trim());
  assert.ok(views > 50, `the demo's records have stored views (${views})`);
  for (const path of HAND_MADE) assert.ok(JSON.parse(stored[path][0]).items.length > 0, `${path} has demo records`);
  await stopServer(srv);

  // Without views (the facets stay): every row is built from its document.
  sqlite(dataDir, "UPDATE records SET list_view = ''");
  srv = await startServer({ dataDir, keepData: true });
  c = client(srv.url, await login(srv.url, email, password));
  assert.deepEqual(await pages(c, paths), stored);
  assert.equal(sqlite(dataDir, "SELECT COUNT(*) FROM records WHERE list_view <> ''").trim(), '0', 'nothing wrote views back');
  await stopServer(srv);

  // Rows marked for the backfill get their views back at start-up, the same as before.
  sqlite(dataDir, 'UPDATE records SET facet_rev = 0');
  srv = await startServer({ dataDir, keepData: true });
  c = client(srv.url, await login(srv.url, email, password));
  assert.equal(Number(sqlite(dataDir, "SELECT COUNT(*) FROM records WHERE list_view <> ''").trim()), views);
  assert.deepEqual(await pages(c, paths), stored);

  // A document edited behind the server's back loses its view: its row is served from it.
  const risk = JSON.parse(stored['/api/v1/risks'][0]).items[0];
  sqlite(dataDir, `UPDATE records SET doc = '{"title":' WHERE kind = 'risk' AND id = '${risk.id}'`);
  assert.equal(sqlite(dataDir, `SELECT list_view FROM records WHERE kind = 'risk' AND id = '${risk.id}'`).trim(), '');
  const listed = assertJson(await c('GET', '/api/v1/risks?limit=500&sort=-number'));
  assert.ok(listed.items.some((r) => r.id === risk.id && r.error), 'the unreadable risk is an error row');
  await stopServer(srv);
});
