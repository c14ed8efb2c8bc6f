// Helpers shared by the CLI tests (tests/cli/*.test.mjs): run `aims` and assert how it ended.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { aims, startServer } from './server.mjs';

/** Runs aims and asserts it succeeded; returns {status, stdout, stderr}. */
export function ok(args, input = '') {
  const r = aims(args, input);
  assert.equal(r.status, 0, `aims ${args.join(' ')} exited ${r.status}:\n${r.stderr}`);
  return r;
}

/** Runs aims and asserts it exited with `status` and printed nothing on stdout. */
export function failsWith(args, status, input = '') {
  const r = aims(args, input);
  assert.equal(r.status, status, `aims ${args.join(' ')}: expected exit ${status}, got ${r.status}:\n${r.stdout}\n${r.stderr}`);
  assert.equal(r.stdout, '', 'nothing on stdout when a command fails');
  return r;
}

/** A regular expression source matching `s` literally. */
export const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Runs aims with --json and parses what it printed. */
export function json(args) {
  return JSON.parse(ok([...args, '--json']).stdout);
}

/**
 * Points the CLI at `server` as a pipeline would: a new API token for its admin in AIMS_TOKEN,
 * its URL in AIMS_URL, AIMS_ORG unset. Returns {token, restore()}; restore() puts the
 * environment back as it was.
 */
export function useServerEnv(server) {
  const token = ok(['token', 'create', '--data', server.dataDir, '--email', server.admin.email, '--name', 'ci']).stdout.trim();
  const saved = {};
  for (const k of ['AIMS_URL', 'AIMS_TOKEN', 'AIMS_ORG']) saved[k] = process.env[k];
  process.env.AIMS_URL = server.url;
  process.env.AIMS_TOKEN = token;
  delete process.env.AIMS_ORG;
  return {
    token,
    restore() {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    },
  };
}

/**
 * Starts a server (startServer `options`) that the CLI's environment points at (useServerEnv) and
 * makes a scratch folder named after `prefix`: resolves to { server, env, tmp }. closeCliSession
 * undoes all three.
 */
export async function openCliSession(options, prefix = 'aims-cli-') {
  const server = await startServer(options);
  const env = useServerEnv(server);
  const tmp = mkdtempSync(join(tmpdir(), prefix));
  return { server, env, tmp };
}

/** Restores the environment, stops the server and removes the scratch folder (each if present). */
export async function closeCliSession({ env, server, tmp } = {}) {
  env?.restore();
  await server?.stop();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
}
