#!/usr/bin/env node
// Checks the catalog data: every catalog/**/*.json (except catalog/schema/) must be valid JSON and
// valid against catalog/schema/catalog.schema.json (JSON Schema draft 2020-12, checked with Ajv);
// files under catalog/eu-ai-act/ are validated against catalog/schema/eu-ai-act.schema.json instead.
// Beyond the schema it checks what a schema cannot: item ids are unique within a framework, uids are
// unique everywhere, and every parent names an item of the same framework. For the EU AI Act files it
// also checks that dates are real calendar days, that a grace period ends after the date it relaxes,
// that an obligation's applies_from keys match its classes, that Annex III ids, areas and points agree,
// that only catalog/eu-ai-act/ holds framework "eu-ai-act", that every iso42001_controls id is an
// item of the iso42001 catalog, and that every source_rule names a classification rule.
//
// Files under catalog/reporting-clocks/ are validated against catalog/schema/reporting-clocks.schema.json,
// with their clock and rule ids unique and every regime they name listed in the file's regimes.
//
// Usage (from anywhere): node tests/tools/check-catalog.mjs [catalog-dir]
// Exits 0 when every file is valid, 1 naming each file and error otherwise.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { resolve, dirname, join, relative, sep, isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const catalogDir = process.argv[2] ? resolve(process.cwd(), process.argv[2]) : join(root, 'catalog');
const schemaDir = join(catalogDir, 'schema');
const schemaFile = join(schemaDir, 'catalog.schema.json');
const euDir = join(catalogDir, 'eu-ai-act');
const euSchemaFile = join(schemaDir, 'eu-ai-act.schema.json');
const EU = 'eu-ai-act';

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

let validate, validateItem, validateLevel, validateEu;
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
try {
  const euAjv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
  validateEu = euAjv.compile(JSON.parse(readFileSync(euSchemaFile, 'utf8')));
} catch (e) {
  console.error(`check-catalog: ${rel(euSchemaFile)}: the schema cannot be used: ${e.message}`);
  process.exit(1);
}

const clocksDir = join(catalogDir, 'reporting-clocks');
let validateClocks;
try {
  const clocksAjv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
  validateClocks = clocksAjv.compile(JSON.parse(readFileSync(join(schemaDir, 'reporting-clocks.schema.json'), 'utf8')));
} catch (e) {
  console.error(`check-catalog: reporting-clocks.schema.json: the schema cannot be used: ${e.message}`);
  process.exit(1);
}

// A schema-valid reporting-clocks file: unique ids, and regimes that the file lists.
function checkClocksFile(file, data) {
  const regimes = new Set(data.regimes.map((r) => r.id));
  const ids = new Set();
  for (const [list, items] of [['clocks', data.clocks], ['rules', data.rules]])
    items.forEach((item, i) => {
      const at = `${rel(file)}: /${list}/${i} "${item.id}"`;
      if (ids.has(item.id)) errors.push(`${at}: id is used twice`);
      ids.add(item.id);
      if (!regimes.has(item.regime)) errors.push(`${at}: regime "${item.regime}" is not in regimes`);
    });
}

// Files under catalog/documented-information/ (the stage 1 readiness requirements) are validated
// against catalog/schema/documented-information.schema.json; their ids are unique.
const docInfoDir = join(catalogDir, 'documented-information');
const docInfoAjv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
const validateDocInfo = docInfoAjv.compile(JSON.parse(readFileSync(join(schemaDir, 'documented-information.schema.json'), 'utf8')));
function checkDocInfoFile(file, data) {
  if (!validateDocInfo(data)) {
    for (const e of validateDocInfo.errors) errors.push(`${rel(file)}: ${e.instancePath || '/'} ${e.message}`);
    return;
  }
  const ids = new Set();
  data.requirements.forEach((r, i) => {
    if (ids.has(r.id)) errors.push(`${rel(file)}: /requirements/${i} "${r.id}": id is used twice`);
    ids.add(r.id);
  });
}

function underEuDir(file) {
  const r = relative(euDir, file);
  return r !== '' && !r.startsWith('..') && !isAbsolute(r);
}

// A YYYY-MM-DD string (the schema checks the shape) that names a day that exists.
function isRealDate(s) {
  const [y, m, d] = s.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

// The class each applies_from key of an obligation belongs to.
const applyKeyClass = {
  high_risk_annex_iii: 'high_risk', high_risk_annex_i: 'high_risk', transparency: 'transparency',
  gpai: 'gpai', gpai_systemic: 'gpai_systemic', prohibited: 'prohibited', prohibited_2026_1744: 'prohibited',
  annex_iii_derogation: 'annex_iii_derogation', all_systems: 'all_systems', high_risk_legacy: 'high_risk',
};

const isoRefs = []; // {file, index, id, ref}: iso42001_controls entries of EU AI Act obligations
const ruleRefs = []; // {file, index, id, ref}: source_rule entries of EU AI Act obligations
const ruleIds = new Set(); // ids of classification-rules.json items

// Checks on one schema-valid EU AI Act file that the schema cannot express.
function checkEuFile(file, data, ids) {
  data.items.forEach((item, i) => {
    const at = `${rel(file)}: /items/${i} "${item.id}"`;
    if (ids.has(item.id)) errors.push(`${at}: id is also in ${rel(ids.get(item.id))}`);
    else ids.set(item.id, file);
    const dates = typeof item.applies_from === 'string' ? [item.applies_from] : Object.values(item.applies_from);
    for (const d of [...dates, item.grace_until ?? null].filter((x) => x !== null))
      if (!isRealDate(d)) errors.push(`${at}: ${d} is not a calendar date`);
    if ('grace_until' in item) {
      if ((item.grace_until === null) !== (item.grace_applies_to === null))
        errors.push(`${at}: grace_until and grace_applies_to must both be set or both be null`);
      if (item.grace_until !== null && dates.every((d) => item.grace_until <= d))
        errors.push(`${at}: grace_until ${item.grace_until} is not after applies_from`);
    }
    if (data.part === 'annex-iii') {
      const [, area, letter] = /^annex3-(\d)(?:-([a-e]))?$/.exec(item.id);
      const point = letter ? `${area}(${letter})` : area;
      if (Number(area) !== item.area || point !== item.point)
        errors.push(`${at}: id, area ${item.area} and point "${item.point}" do not agree`);
    }
    if (data.part === 'obligations') {
      const keyClasses = new Set(Object.keys(item.applies_from).map((k) => applyKeyClass[k]));
      for (const c of keyClasses)
        if (!item.classes.includes(c)) errors.push(`${at}: applies_from has a date for class ${c}, which is not in classes`);
      for (const c of item.classes)
        if (!keyClasses.has(c)) errors.push(`${at}: class ${c} has no date in applies_from`);
      for (const ref of item.iso42001_controls) isoRefs.push({ file, index: i, id: item.id, ref });
      if ('source_rule' in item) ruleRefs.push({ file, index: i, id: item.id, ref: item.source_rule });
    }
    if (data.part === 'classification-rules') ruleIds.add(item.id);
  });
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
  if (relative(clocksDir, file).split(sep)[0] !== '..' && !isAbsolute(relative(clocksDir, file))) {
    if (!validateClocks(data))
      for (const e of validateClocks.errors) errors.push(`${rel(file)}: ${e.instancePath || '/'} ${e.message}`);
    else checkClocksFile(file, data);
    continue;
  }
  if (!relative(docInfoDir, file).startsWith('..')) {
    checkDocInfoFile(file, data);
    continue;
  }
  if (underEuDir(file)) {
    if (!validateEu(data)) {
      for (const e of validateEu.errors) {
        if (e.keyword === 'if') continue; // 'must match "then" schema' only repeats the errors inside it
        const extra = e.params && Object.keys(e.params).length ? ` ${JSON.stringify(e.params)}` : '';
        errors.push(`${rel(file)}: ${e.instancePath || '/'} ${e.message}${extra}`);
      }
      continue;
    }
    if (!idsByFramework.has(EU)) idsByFramework.set(EU, new Map());
    checkEuFile(file, data, idsByFramework.get(EU));
    continue;
  }
  if (data && data.framework === EU) {
    errors.push(`${rel(file)}: framework "${EU}" belongs under ${rel(euDir)}/ (validated against ${rel(euSchemaFile)})`);
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
    if ('question' in item) {  // the short form's plain question about an existing item
      planned.push({ file, framework: fw, index: i, refs: [item.id] });
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

const isoIds = idsByFramework.get('iso42001');
for (const r of isoRefs)
  if (!isoIds?.has(r.ref))
    errors.push(`${rel(r.file)}: /items/${r.index} "${r.id}" maps onto "${r.ref}", which is not an item of iso42001`);

for (const r of ruleRefs)
  if (!ruleIds.has(r.ref))
    errors.push(`${rel(r.file)}: /items/${r.index} "${r.id}" names source_rule "${r.ref}", which is not a classification rule`);

if (errors.length) {
  console.error(`check-catalog: ${errors.length} error(s)`);
  for (const e of errors) console.error(`  ${e}`);
  process.exit(1);
}
const euCount = files.filter(underEuDir).length;
console.log(`check-catalog: ${files.length - euCount} catalog file(s) valid against ${rel(schemaFile)}, ` +
  `${euCount} against ${rel(euSchemaFile)}`);
