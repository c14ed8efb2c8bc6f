#!/usr/bin/env node
// Lints the API contract: api/openapi.yaml must be a valid OpenAPI 3.1 document (checked against
// the official schema by @seriousme/openapi-schema-validator), every operation must have a unique
// operationId, every internal $ref must resolve, and every 4xx/5xx response must be documented as
// an RFC 9457 problem (application/problem+json with the Problem schema, which itself needs
// type, title and status). Every schema of the document must compile with ajv in strict mode as the
// HTTP tests' contract check (tests/lib/contract.mjs) compiles it. The document is the server's route
// table (src/http/routes.hpp): every operationId is lowerCamelCase (its handler's C++ name), every
// operation has x-aims-access (open exactly when `security` is `[]` or names only a scheme its handler
// checks itself, such as the metrics token; member exactly when it takes the
// X-Aims-Org header), and x-aims-streams-body / x-aims-answers-head are booleans.
//
// Usage (from the repository root): node tests/tools/lint-openapi.mjs [api/openapi.yaml]
// Exits 0 when the document is clean, 1 with one line per error otherwise.
import { readFileSync, existsSync } from 'node:fs';
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import { Validator } from '@seriousme/openapi-schema-validator';
import { deref, schemaValidator, rewriteRefs } from '../lib/contract.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const PROBLEM_REF = '#/components/schemas/Problem';

function inputPath() {
  const arg = process.argv[2];
  if (!arg) return resolve(root, 'api', 'openapi.yaml');
  if (existsSync(resolve(process.cwd(), arg))) return resolve(process.cwd(), arg);
  return resolve(root, arg);
}

/** Resolves a chain of $ref objects; returns [node, ref-chain]. */
function follow(doc, node, errors, where) {
  const chain = [];
  while (node && typeof node === 'object' && typeof node.$ref === 'string') {
    if (chain.includes(node.$ref)) {
      errors.push(`${where}: $ref cycle through ${node.$ref}`);
      return [undefined, chain];
    }
    chain.push(node.$ref);
    const next = deref(doc, node.$ref);
    if (next === undefined) {
      errors.push(`${where}: $ref ${node.$ref} does not resolve`);
      return [undefined, chain];
    }
    node = next;
  }
  return [node, chain];
}

function checkRefs(doc, node, path, errors) {
  if (Array.isArray(node)) {
    node.forEach((v, i) => checkRefs(doc, v, `${path}/${i}`, errors));
  } else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string') {
        if (!v.startsWith('#/')) errors.push(`${path}: external $ref ${v} is not allowed (the document must be self-contained)`);
        else if (deref(doc, v) === undefined) errors.push(`${path}: $ref ${v} does not resolve`);
      } else {
        checkRefs(doc, v, `${path}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`, errors);
      }
    }
  }
}

function checkProblemSchema(doc, errors) {
  const problem = deref(doc, PROBLEM_REF);
  if (!problem || typeof problem !== 'object') {
    errors.push(`${PROBLEM_REF} is missing: the RFC 9457 problem schema must be defined`);
    return;
  }
  const required = new Set(problem.required || []);
  for (const f of ['type', 'title', 'status']) {
    if (!required.has(f)) errors.push(`${PROBLEM_REF}: "${f}" must be required`);
    if (!problem.properties || !problem.properties[f]) errors.push(`${PROBLEM_REF}: property "${f}" is not described`);
  }
  if (problem.properties && !problem.properties.detail) errors.push(`${PROBLEM_REF}: property "detail" is not described`);
}

const ACCESS = ['open', 'user', 'member'];

/** The route table's extensions of one operation (see the header). */
function checkRouteExtensions(doc, pathItem, op, method, where, errors) {
  const access = op['x-aims-access'];
  if (!ACCESS.includes(access)) {
    errors.push(`${where}: x-aims-access must be one of ${ACCESS.join(', ')}, found ${JSON.stringify(access)}`);
    return;
  }
  // Open to the server's own check of sessions and API tokens: no security at all, or only a
  // scheme of its own that the handler checks (GET /metrics and its metrics token).
  const own = (req) => Object.keys(req).every((k) => k !== 'session' && k !== 'bearer');
  const open = Array.isArray(op.security) && op.security.every(own);
  if ((access === 'open') !== open) errors.push(`${where}: x-aims-access is ${access} but security is ${open ? '[]' : 'not []'}`);
  const org = [...(pathItem.parameters || []), ...(op.parameters || [])].some((p) => {
    const [param] = follow(doc, p, [], where);
    return param && param.in === 'header' && String(param.name).toLowerCase() === 'x-aims-org';
  });
  if ((access === 'member') !== org)
    errors.push(`${where}: x-aims-access is ${access} but the operation ${org ? 'takes' : 'does not take'} the X-Aims-Org header`);
  for (const flag of ['x-aims-streams-body', 'x-aims-answers-head'])
    if (flag in op && typeof op[flag] !== 'boolean') errors.push(`${where}: ${flag} must be true or false`);
  if ('x-aims-answers-head' in op && method !== 'get') errors.push(`${where}: x-aims-answers-head applies to GET only`);
}

function checkOperations(doc, errors) {
  const seenIds = new Map();
  for (const [path, item] of Object.entries(doc.paths || {})) {
    const [pathItem] = follow(doc, item, errors, `paths.${path}`);
    if (!pathItem) continue;
    const templated = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
    for (const method of METHODS) {
      const op = pathItem[method];
      if (!op) continue;
      const where = `${method.toUpperCase()} ${path}`;
      if (typeof op.operationId !== 'string' || op.operationId.trim() === '') {
        errors.push(`${where}: operation has no operationId`);
      } else if (seenIds.has(op.operationId)) {
        errors.push(`${where}: operationId "${op.operationId}" is also used by ${seenIds.get(op.operationId)}`);
      } else {
        seenIds.set(op.operationId, where);
        if (!/^[a-z][A-Za-z0-9]*$/.test(op.operationId))
          errors.push(`${where}: operationId "${op.operationId}" is not lowerCamelCase (its handler's C++ name, e.g. list_risks -> listRisks)`);
      }
      checkRouteExtensions(doc, pathItem, op, method, where, errors);
      // Every path template variable must be declared as a path parameter.
      const declared = new Set();
      for (const p of [...(pathItem.parameters || []), ...(op.parameters || [])]) {
        const [param] = follow(doc, p, errors, `${where} parameter`);
        if (param && param.in === 'path') declared.add(param.name);
      }
      for (const name of templated)
        if (!declared.has(name)) errors.push(`${where}: path parameter {${name}} is not declared`);

      const responses = op.responses || {};
      if (Object.keys(responses).length === 0) errors.push(`${where}: no responses documented`);
      for (const [code, resp] of Object.entries(responses)) {
        if (!/^[45]/.test(String(code))) continue;
        const rwhere = `${where} response ${code}`;
        const [r] = follow(doc, resp, errors, rwhere);
        if (!r) continue;
        const content = r.content || {};
        const types = Object.keys(content);
        if (!types.includes('application/problem+json')) {
          errors.push(`${rwhere}: error response is not documented as application/problem+json`);
          continue;
        }
        const others = types.filter((t) => t !== 'application/problem+json');
        if (others.length) errors.push(`${rwhere}: error response also offers ${others.join(', ')}; errors are problem+json only`);
        const schema = content['application/problem+json'].schema;
        const [, chain] = follow(doc, schema, errors, `${rwhere} schema`);
        if (!schema || !chain.includes(PROBLEM_REF))
          errors.push(`${rwhere}: the application/problem+json schema must be ${PROBLEM_REF}`);
      }
    }
  }
}

/** Compiles every component schema and every request/response media type schema strictly. */
function checkSchemasCompile(doc, errors) {
  const ajv = schemaValidator(doc);
  const compile = (schema, where) => {
    try {
      ajv.compile(rewriteRefs(schema));
    } catch (e) {
      errors.push(`${where}: the schema does not compile in strict mode: ${e.message}`);
    }
  };
  for (const [name, schema] of Object.entries(doc.components?.schemas || {})) compile(schema, `#/components/schemas/${name}`);
  for (const [path, item] of Object.entries(doc.paths || {})) {
    for (const method of METHODS) {
      const op = item?.[method];
      if (!op) continue;
      const bodies = [['request body', op.requestBody], ...Object.entries(op.responses || {}).map(([c, r]) => [`response ${c}`, r])];
      for (const [what, body] of bodies)
        for (const [media, m] of Object.entries(body?.content || {}))
          if (m?.schema) compile(m.schema, `${method.toUpperCase()} ${path} ${what} ${media}`);
    }
  }
}

async function main() {
  const file = inputPath();
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    console.error(`lint-openapi: cannot read ${file}: ${e.message}`);
    process.exit(1);
  }
  const yamlDoc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  const errors = [];
  for (const e of yamlDoc.errors) errors.push(`YAML: ${e.message}`);
  for (const w of yamlDoc.warnings) errors.push(`YAML warning: ${w.message}`);
  if (errors.length) return finish(file, errors);
  const doc = yamlDoc.toJS();
  if (!doc || typeof doc !== 'object') return finish(file, ['the document is not a YAML mapping']);
  if (typeof doc.openapi !== 'string' || !/^3\.1\.\d+$/.test(doc.openapi))
    errors.push(`openapi must be a 3.1.x version string, found ${JSON.stringify(doc.openapi)}`);

  const validator = new Validator();
  const res = await validator.validate(doc);
  if (!res.valid) {
    for (const e of [].concat(res.errors || [])) {
      const at = e.instancePath || '/';
      const extra = e.params ? ` ${JSON.stringify(e.params)}` : '';
      errors.push(`schema: ${at} ${e.message || JSON.stringify(e)}${extra}`);
    }
  } else if (validator.version !== '3.1') {
    errors.push(`validated as OpenAPI ${validator.version}, expected 3.1`);
  }
  checkRefs(doc, doc, '#', errors);
  checkProblemSchema(doc, errors);
  checkOperations(doc, errors);
  if (!errors.length) checkSchemasCompile(doc, errors);
  return finish(file, errors);
}

function finish(file, errors) {
  if (errors.length) {
    console.error(`lint-openapi: ${file}: ${errors.length} error(s)`);
    for (const e of errors) console.error(`  ${e}`);
    process.exit(1);
  }
  console.log(`lint-openapi: ${file} is a valid OpenAPI 3.1 document; every operation has an operationId and x-aims-access and every error response is problem+json`);
}

main().catch((e) => {
  console.error(`lint-openapi: ${e.stack || e}`);
  process.exit(1);
});
