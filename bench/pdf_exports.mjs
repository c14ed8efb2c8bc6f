#!/usr/bin/env node
// Latency of the incident report and the stage 1 readiness checklist as PDF next to their JSON
// (docs/incidents.md, docs/certification.md): starts a server (AIMS_BIN or build/aims) in a
// throw-away data directory, creates one AI system and one incident, then GETs each export N
// times in a row and prints the median, the p90 and the size. Asserts only that each answers 200.
// Usage: node bench/pdf_exports.mjs [N=30]
import { startServer, login } from '../tests/lib/server.mjs';
import { client, stopServer } from '../tests/lib/http.mjs';

const N = Number(process.argv[2] || 30);
const srv = await startServer();
try {
  const c = client(srv.url, await login(srv.url, srv.admin.email, srv.admin.password));
  const sys = (await c('POST', '/api/v1/systems', { json: { name: 'Bench system', purpose: 'Benchmarks' } })).body;
  const inc = (await c('POST', '/api/v1/incidents', { json: { title: 'Bench incident', system_id: sys.id,
    occurred_at: new Date(Date.now() - 7200000).toISOString(), became_aware_at: new Date(Date.now() - 3600000).toISOString(),
    description: 'What happened. '.repeat(50) } })).body;
  for (const path of [`/api/v1/incidents/${inc.id}/export`, `/api/v1/incidents/${inc.id}/export?format=pdf`,
    '/api/v1/certification/readiness/export?format=json', '/api/v1/certification/readiness/export?format=pdf']) {
    const ms = [];
    let size = 0;
    for (let i = 0; i < N; i++) {
      const t = performance.now();
      const r = await c('GET', path, { contract: false });
      ms.push(performance.now() - t);
      if (r.status !== 200) throw new Error(`${path}: ${r.status} ${r.text}`);
      size = r.bytes.length;
    }
    ms.sort((a, b) => a - b);
    console.log(`${path}: n=${N} median ${ms[N >> 1].toFixed(1)} ms, p90 ${ms[Math.floor(N * 0.9)].toFixed(1)} ms, ${size} bytes`);
  }
} finally {
  await stopServer(srv);
}
