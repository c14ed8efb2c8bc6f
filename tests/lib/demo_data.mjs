// Seeds the demo installation that the test servers of one run copy instead of each seeding their
// own (startServer with `demo: true` and AIMS_TEST_DEMO_DATA=DIR, see ./server.mjs): a demo server
// is started on DIR/data and stopped, and the day goes to DIR/seeded-on. Whatever DIR held is
// replaced. Run once per run by the ctest entry `demo_data`: node tests/lib/demo_data.mjs DIR
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startServer, utcDay } from './server.mjs';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node tests/lib/demo_data.mjs DIR');
  process.exit(2);
}
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const day = utcDay();
const server = await startServer({ demo: true, dataDir: resolve(dir, 'data'), keepData: true });
await server.stop();
writeFileSync(join(dir, 'seeded-on'), `${day}\n`);
console.log(`demo installation seeded in ${join(dir, 'data')} on ${day}`);
