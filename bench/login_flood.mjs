#!/usr/bin/env node
// Authenticated-request latency during an unauthenticated log-in flood (docs/accounts.md): starts
// a server (AIMS_BIN or build/aims) in a throw-away data directory, measures GET /api/v1/me with
// an API token alone, then while FLOOD clients (default 16) send wrong log-ins from their own
// loopback addresses (so the throttle does not stop them and only the hashing pool limits them).
// Prints the medians, p95 and their ratio in the same run; asserts nothing.
// Usage: node bench/login_flood.mjs [REQUESTS=400] [FLOOD=16]
import { request } from 'node:http';
import { startServer, aims } from '../tests/lib/server.mjs';

const N = Number(process.argv[2] || 400);
const FLOOD = Number(process.argv[3] || 16);

function send(url, { method = 'GET', path, headers = {}, body, from }) {
  const u = new URL(path, url);
  return new Promise((resolve, reject) => {
    const req = request({ host: u.hostname, port: u.port, path: u.pathname, method, headers, localAddress: from, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode));
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function latencies(url, token) {
  const out = [];
  for (let i = 0; i < N; i++) {
    const t = process.hrtime.bigint();
    await send(url, { path: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
    out.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  out.sort((a, b) => a - b);
  return { median: out[Math.floor(out.length / 2)], p95: out[Math.floor(out.length * 0.95)] };
}

const srv = await startServer();
try {
  const token = aims(['token', 'create', '--data', srv.dataDir, '--email', srv.admin.email, '--name', 'bench']).stdout.trim();
  const quiet = await latencies(srv.url, token);
  let flooding = true;
  const counts = {};
  let n = 0;
  const flooders = Array.from({ length: FLOOD }, async (_, c) => {
    while (flooding) {
      const from = `127.0.${10 + (n % 200)}.${1 + ((n / 200) | 0) % 250}`;
      n++;
      const body = JSON.stringify({ email: `flood${c}@bench.test`, password: 'not the password 1' });
      const s = await send(srv.url, { method: 'POST', path: '/api/v1/auth/login', from, body,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }).catch(() => 0);
      counts[s] = (counts[s] || 0) + 1;
    }
  });
  const loaded = await latencies(srv.url, token);
  flooding = false;
  await Promise.all(flooders);
  const f = (x) => x.toFixed(2).padStart(8);
  console.log(`GET /api/v1/me, ${N} requests each, ${FLOOD} flooding clients`);
  console.log(`                 median ms   p95 ms`);
  console.log(`without flood    ${f(quiet.median)}  ${f(quiet.p95)}`);
  console.log(`during flood     ${f(loaded.median)}  ${f(loaded.p95)}`);
  console.log(`ratio            ${f(loaded.median / quiet.median)}  ${f(loaded.p95 / quiet.p95)}`);
  console.log(`log-in answers during the flood: ${JSON.stringify(counts)}`);
} finally {
  await srv.stop();
}
