// Helpers shared by the CLI tests (tests/cli/*.test.mjs): run `aims` and assert how it ended.
import assert from 'node:assert/strict';
import { aims } from './server.mjs';

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
