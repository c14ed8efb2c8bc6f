// The API contract as a test oracle: checks a response of the server against api/openapi.yaml
// (path template + method + status + media type documented, JSON body valid against its schema
// with ajv in strict JSON Schema 2020-12 mode with formats). Used by ./http.mjs on every response;
// the document and the compiled validators are loaded once per test process; the paths the server
// generates for the field-driven record kinds are added from its served document (addServedDocument).
import { readFileSync } from 'node:fs';
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const DOC_FILE = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'api', 'openapi.yaml');
const SCHEMAS_ID = 'aims-openapi-schemas';
const COMPONENT_SCHEMA = '#/components/schemas/';

let state; // {doc, ajv, routes, validators} once loaded

/** Follows a local JSON pointer ("#/a/b") in `doc`; undefined if it is not one or does not resolve. */
export function deref(doc, ref) {
  if (typeof ref !== 'string' || !ref.startsWith('#/')) return undefined;
  let node = doc;
  for (const raw of ref.slice(2).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object' || !(key in node)) return undefined;
    node = node[key];
  }
  return node;
}

/** A copy of a schema whose component $refs point into the shared schema registered with ajv. */
export function rewriteRefs(node) {
  if (Array.isArray(node)) return node.map(rewriteRefs);
  if (!node || typeof node !== 'object') return node;
  const out = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === '$ref' && typeof v === 'string' && v.startsWith(COMPONENT_SCHEMA))
      out[k] = `${SCHEMAS_ID}#/$defs/${v.slice(COMPONENT_SCHEMA.length)}`;
    else out[k] = rewriteRefs(v);
  }
  return out;
}

/**
 * An ajv instance for the schemas of the OpenAPI document `doc`; compile a schema of the document
 * with `ajv.compile(rewriteRefs(schema))`.
 */
export function schemaValidator(doc) {
  // strict: unknown keywords and keywords without their type are errors in the document. Union
  // types (["string", "null"]) are how OpenAPI 3.1 says nullable, and a schema extends another with
  // allOf [base, {required: [base's properties and its own]}], so those two checks are off.
  const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, strictRequired: false, allErrors: true });
  addFormats(ajv);
  ajv.addVocabulary(['example', 'discriminator', 'xml', 'externalDocs']);
  ajv.addSchema({ $id: SCHEMAS_ID, $defs: rewriteRefs(doc.components?.schemas || {}) });
  return ajv;
}

function build(doc) {
  const ajv = schemaValidator(doc);
  const routes = Object.keys(doc.paths || {}).map((template) => {
    const names = [];
    const source = template.split(/(\{[^}]+\})/).map((part) => {
      const m = /^\{([^}]+)\}$/.exec(part);
      if (!m) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(m[1]);
      return '([^/]+)';
    }).join('');
    return { template, re: new RegExp(`^${source}$`), params: names.length };
  });
  // A literal segment beats a template variable: /systems/export before /systems/{id}.
  routes.sort((a, b) => a.params - b.params);
  state = { doc, ajv, routes, validators: new Map() };
  return state;
}

function load() {
  if (state) return state;
  return build(parse(readFileSync(DOC_FILE, 'utf8')));
}

/**
 * Adds what the server's served document (GET /api/v1/openapi.json) holds beyond api/openapi.yaml:
 * the paths and schemas it generates for the field-driven record kinds, and the values it adds to
 * an enum of the YAML (the evidence link target types). Everything else is kept as written.
 */
export function addServedDocument(served) {
  const { doc } = load();
  let added = false;
  // An enum the server widens (e.g. the evidence link target types, one per record kind).
  const widen = (mine, theirs) => {
    if (!mine || !theirs || typeof mine !== 'object' || typeof theirs !== 'object') return;
    if (Array.isArray(mine.enum) && Array.isArray(theirs.enum))
      for (const v of theirs.enum) if (!mine.enum.includes(v)) { mine.enum.push(v); added = true; }
    for (const [k, v] of Object.entries(mine)) if (k !== 'enum') widen(v, theirs[k]);
  };
  for (const [k, v] of Object.entries(served.paths || {}))
    if (!(k in doc.paths)) { doc.paths[k] = v; added = true; }
  for (const [k, v] of Object.entries(served.components?.schemas || {}))
    if (!(k in doc.components.schemas)) { doc.components.schemas[k] = v; added = true; } else widen(doc.components.schemas[k], v);
  if (added) build(doc);
}

/** The OpenAPI path template matching a request path (query string ignored), or undefined. */
export function matchPath(path) {
  const bare = path.split('?')[0];
  return load().routes.find((r) => r.re.test(bare))?.template;
}

/** The errors one per line: the failing field (JSON pointer), what is wrong, where in the document. */
function fmtErrors(errors, schema) {
  // A top-level $ref compiles as the root: name its component instead of "#".
  const root = typeof schema.$ref === 'string' && schema.$ref.startsWith(COMPONENT_SCHEMA) ? schema.$ref : '#';
  const docPath = (p) => p.startsWith(`${SCHEMAS_ID}#/$defs/`) ? COMPONENT_SCHEMA + p.slice(SCHEMAS_ID.length + 8)
    : p.startsWith('#') ? root + p.slice(1) : p;
  return errors.map((e) => {
    const at = e.instancePath || '(the body)';
    const extra = e.keyword === 'additionalProperties' ? ` "${e.params.additionalProperty}"`
      : e.keyword === 'unevaluatedProperties' ? ` "${e.params.unevaluatedProperty}"`
      : e.keyword === 'enum' ? ` ${JSON.stringify(e.params.allowedValues)}` : '';
    return `  ${at} ${e.message}${extra} (schema ${docPath(e.schemaPath)})`;
  }).join('\n');
}

/**
 * Checks one response against the document; returns undefined if it conforms, otherwise a
 * message naming the request, the documented path/method/status and what failed.
 * `r` is {status, ct, text, body} as the client in ./http.mjs builds it.
 */
export function checkResponse(method, path, r) {
  const { doc, ajv, validators } = load();
  const m = method.toLowerCase();
  const head = `contract: ${method} ${path} answered ${r.status} ${r.ct || '(no content type)'}`;
  const template = matchPath(path);
  if (!template) return `${head}, but api/openapi.yaml has no path matching ${path.split('?')[0]}`;
  let item = doc.paths[template];
  if (item.$ref) item = deref(doc, item.$ref);
  const op = item[m] || (m === 'head' ? item.get : undefined);
  if (!op) return `${head}, but api/openapi.yaml documents no ${method} for ${template}`;
  const where = `${method} ${template}`;
  const responses = op.responses || {};
  const code = String(r.status);
  const key = [code, `${code[0]}XX`, 'default'].find((k) => k in responses);
  if (!key) return `${head}, but ${where} documents no response ${code} (documented: ${Object.keys(responses).join(', ')})`;
  let resp = responses[key];
  if (resp.$ref) resp = deref(doc, resp.$ref);
  const content = resp.content || {};
  const types = Object.keys(content);
  if (m === 'head' || r.status === 204 || r.status === 304) {
    if (r.text) return `${head} with a body, but ${where} ${key} has no body`;
    return undefined;
  }
  const mediaType = (r.ct || '').split(';')[0].trim().toLowerCase();
  if (!types.length) {
    if (r.text) return `${head} with a body, but ${where} response ${key} documents no content`;
    return undefined;
  }
  const media = types.find((t) => t.toLowerCase() === mediaType)
    ?? types.find((t) => t.endsWith('/*') && mediaType.startsWith(t.slice(0, -1)))
    ?? types.find((t) => t === '*/*');
  if (!media) return `${head}, but ${where} response ${key} documents the media types ${types.join(', ')}`;
  const schema = content[media].schema;
  if (!schema || !/^application\/([\w.-]+\+)?json$/.test(mediaType)) return undefined;
  const vkey = `${m} ${template} ${key} ${media}`;
  let validate = validators.get(vkey);
  if (!validate) {
    try {
      validate = ajv.compile(rewriteRefs(schema));
    } catch (e) {
      return `contract: the schema of ${where} response ${key} ${media} does not compile in strict mode: ${e.message}`;
    }
    validators.set(vkey, validate);
  }
  let body;
  try {
    body = JSON.parse(r.text);
  } catch (e) {
    return `${head}, but the body is not JSON (${e.message})`;
  }
  if (validate(body)) return undefined;
  const shown = r.text.length > 600 ? `${r.text.slice(0, 600)}…` : r.text;
  return `${head}; the body does not match ${where} response ${key} ${media}:\n${fmtErrors(validate.errors, schema)}\n  body: ${shown}`;
}
