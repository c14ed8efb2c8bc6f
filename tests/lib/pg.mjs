// A PostgreSQL database for the tests that run aims on PostgreSQL: the server of $AIMS_TEST_PG_DSN
// (scripts/test.sh starts one), else a throwaway one started here with tests/pg/start.sh and stopped
// when the test file ends. Each call gets a schema of its own (the location's search_path), so files
// never see each other's rows. Single-threaded, like the tests.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const psqlBin = '/usr/lib/postgresql/15/bin/psql';

let started = null;  // { dir, dsn } of a server this process started

function serverDsn() {
  if (process.env.AIMS_TEST_PG_DSN) return process.env.AIMS_TEST_PG_DSN;
  if (!started) {
    const dir = mkdtempSync(join(tmpdir(), 'aims-pg-test-'));
    const r = spawnSync('bash', [join(root, 'tests/pg/start.sh'), dir], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`tests/pg/start.sh failed: ${r.stderr}`);
    started = { dir, dsn: r.stdout.trim() };
    process.on('exit', () => {
      spawnSync('bash', [join(root, 'tests/pg/stop.sh'), dir]);
      rmSync(dir, { recursive: true, force: true });
    });
  }
  return started.dsn;
}

/**
 * A new, empty schema on the test PostgreSQL: { location, sql(query) }. `location` is the
 * connection string aims takes (--database / AIMS_DATABASE); sql() runs a query there with psql
 * and returns its rows as lines of `|`-separated cells (fails the test if psql does).
 */
export function pgDatabase() {
  const dsn = serverDsn();
  const schema = `aims_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const location = `${dsn}${dsn.includes('?') ? '&' : '?'}options=-csearch_path%3D${schema}`;
  return {
    location,
    schema,
    sql(query) {
      const r = spawnSync(psqlBin, ['-X', '-q', '-tA', '-v', 'ON_ERROR_STOP=1', '-d', location, '-c', query], { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`psql failed on ${query}: ${r.stderr}`);
      return r.stdout.split('\n').filter((l) => l !== '');
    },
  };
}
