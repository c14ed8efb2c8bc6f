// No acknowledged write is lost, kill -9 included: writes answered 201/200 are all there after the
// server is killed with SIGKILL and started again on the same data directory.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { startServer, login } from '../lib/server.mjs';
import { client } from '../lib/http.mjs';

test('acknowledged writes survive SIGKILL', async () => {
  const first = await startServer({ keepData: true });
  const { dataDir, admin } = first;
  try {
    const s1 = await login(first.url, admin.email, admin.password);
    const api = client(first.url, s1);
    // 40 creates from 8 concurrent clients, then an update and an archive, all acknowledged.
    const created = [];
    await Promise.all(Array.from({ length: 8 }, async (_, w) => {
      for (let i = 0; i < 5; i++) {
        const r = await api('POST', '/api/v1/systems', { json: { name: `Durable ${w}-${i}`, purpose: 'kill -9 test' } });
        assert.equal(r.status, 201, r.text);
        created.push(r.body.id);
      }
    }));
    const upd = await api('PATCH', `/api/v1/systems/${created[0]}`, { json: { owner: 'After update' }, headers: { 'if-match': '"v1"' } });
    assert.equal(upd.status, 200, upd.text);
    const arch = await api('POST', `/api/v1/systems/${created[1]}/archive`);
    assert.equal(arch.status, 200, arch.text);
    await first.kill();

    const second = await startServer({ dataDir, keepData: true });
    try {
      const s2 = await login(second.url, admin.email, admin.password);
      const api2 = client(second.url, s2);
      const all = await api2('GET', '/api/v1/systems?archived=all&limit=500');
      assert.equal(all.status, 200);
      assert.equal(all.body.total, 40);
      const ids = new Set(all.body.items.map((s) => s.id));
      for (const id of created) assert.ok(ids.has(id), `lost ${id}`);
      const one = await api2('GET', `/api/v1/systems/${created[0]}`);
      assert.equal(one.body.owner, 'After update');
      assert.equal(one.headers.get('etag'), '"v2"');
      const two = await api2('GET', `/api/v1/systems/${created[1]}`);
      assert.equal(two.body.archived, true);
      const live = await api2('GET', '/api/v1/systems?limit=1');
      assert.equal(live.body.total, 39);
    } finally {
      await second.stop();
    }
  } finally {
    await first.kill();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
