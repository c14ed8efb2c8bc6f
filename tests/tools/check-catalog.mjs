#!/usr/bin/env node
// Checks the catalog data: every catalog/**/*.json (except catalog/schema/) must be valid JSON and
// valid against catalog/schema/catalog.schema.json (JSON Schema draft 2020-12, checked with Ajv).
// Beyond the schema it checks what a schema cannot: item ids are unique within a framework, uids are
// unique everywhere, and every parent names an item of the same framework.
//
// Usage (from anywhere): node tests/tools/check-catalog.mjs [catalog-dir]
// Exits 0 when every file is valid, 1 naming each file and error otherwise.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { resolve, dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const catalogDir = process.argv[2] ? resolve(process.cwd(), process.argv[2]) : join(root, 'catalog');
const schemaDir = join(catalogDir, 'schema');
const schemaFile = join(schemaDir, 'catalog.schema.json');

function jsonFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      if (p === schemaDir) continue;
      out.push(...jsonFiles(p));
    } else if (name.endsWith('.json')) {
      out.push(p);
    }
  }
  return out;
}

const errors = [];
const rel = (p) => relative(process.cwd(), p).split(sep).join('/') || '.';

let validate, validateItem, validateLevel;
try {
  const schema = JSON.parse(readFileSync(schemaFile, 'utf8'));
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
  validate = ajv.compile(schema);
  // The item branches on their own, to explain a failing item without oneOf's noise.
  ajv.addSchema(schema, 'catalog');
  validateItem = ajv.getSchema('catalog#/$defs/catalogItem');
  validateLevel = ajv.getSchema('catalog#/$defs/maturityLevel');
  if (!validateItem || !validateLevel) throw new Error('$defs/catalogItem and $defs/maturityLevel are expected');
} catch (e) {
  console.error(`check-catalog: ${rel(schemaFile)}: the schema cannot be used: ${e.message}`);
  process.exit(1);
}

const files = jsonFiles(catalogDir);
if (files.length === 0) errors.push(`${rel(catalogDir)}: no catalog files found`);

const idsByFramework = new Map(); // framework -> Map(id -> file)
const parents = []; // {file, framework, id, parent}
const planned = []; // roadmap entries: {file, framework, index, refs: [ids that must be items]}
const uids = new Map(); // uid -> file

for (const file of files) {
  let data;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    errors.push(`${rel(file)}: not valid JSON: ${e.message}`);
    continue;
  }
  if (!validate(data)) {
    const badItems = new Set();
    const report = (e, prefix = '') => {
      const extra = e.params && Object.keys(e.params).length ? ` ${JSON.stringify(e.params)}` : '';
      errors.push(`${rel(file)}: ${prefix}${e.instancePath || (prefix ? '' : '/')} ${e.message}${extra}`);
    };
    for (const e of validate.errors) {
      const m = /^\/items\/(\d+)(\/|$)/.exec(e.instancePath);
      if (m && Array.isArray(data.items)) badItems.add(Number(m[1]));
      else report(e);
    }
    for (const i of [...badItems].sort((a, b) => a - b)) {
      const item = data.items[i];
      const branch = item && typeof item === 'object' && 'level' in item ? validateLevel : validateItem;
      if (branch(item)) continue;
      for (const e of branch.errors) report(e, `/items/${i}`);
    }
    continue;
  }
  const fw = data.framework;
  if (!idsByFramework.has(fw)) idsByFramework.set(fw, new Map());
  const ids = idsByFramework.get(fw);
  const levels = new Set();
  data.items.forEach((item, i) => {
    if ('level' in item) {
      if (levels.has(item.level)) errors.push(`${rel(file)}: /items/${i} repeats maturity level ${item.level}`);
      levels.add(item.level);
      return;
    }
    if ('effort' in item) {  // roadmap planning data about existing items, not items of its own
      planned.push({ file, framework: fw, index: i, refs: [item.id, ...item.depends_on] });
      return;
    }
    if (ids.has(item.id)) errors.push(`${rel(file)}: /items/${i} id "${item.id}" is also in ${rel(ids.get(item.id))}`);
    else ids.set(item.id, file);
    if (uids.has(item.uid)) errors.push(`${rel(file)}: /items/${i} uid "${item.uid}" is also in ${rel(uids.get(item.uid))}`);
    else uids.set(item.uid, file);
    if (item.parent !== null) parents.push({ file, framework: fw, id: item.id, parent: item.parent, index: i });
  });
}

for (const p of parents)
  if (!idsByFramework.get(p.framework).has(p.parent))
    errors.push(`${rel(p.file)}: /items/${p.index} "${p.id}" has parent "${p.parent}", which is not an item of ${p.framework}`);

for (const p of planned)
  for (const ref of p.refs)
    if (!idsByFramework.get(p.framework)?.has(ref))
      errors.push(`${rel(p.file)}: /items/${p.index} names "${ref}", which is not an item of ${p.framework}`);

if (errors.length) {
  console.error(`check-catalog: ${errors.length} error(s)`);
  for (const e of errors) console.error(`  ${e}`);
  process.exit(1);
}
console.log(`check-catalog: ${files.length} catalog file(s) valid against ${rel(schemaFile)}`);
