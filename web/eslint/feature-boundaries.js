// ESLint rule `aims/feature-boundaries`: code in one feature folder (src/features/X) may use another
// feature only through that feature's public index (`../Y`, `../Y/index`), never its files; shared
// code (src/lib, src/components) may not reach into a feature's files either. Stateless.
import path from 'node:path';

const FEATURES = `${path.sep}src${path.sep}features${path.sep}`;

/** `{ root, name, rest }` when `file` lies in a feature folder, else null. */
function featureOf(file) {
  const i = file.lastIndexOf(FEATURES);
  if (i < 0) return null;
  const rest = file.slice(i + FEATURES.length).split(path.sep);
  return { root: file.slice(0, i + FEATURES.length), name: rest[0], rest: rest.slice(1) };
}

/** True for the files of the app's root (src/*.tsx): they compose the features. */
function isAppRoot(file) {
  return path.basename(path.dirname(file)) === 'src' && !file.includes(FEATURES);
}

export const featureBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'features import each other only through their public index' },
    schema: [
      {
        type: 'object',
        properties: { exempt: { type: 'array', items: { type: 'string' } } },
        additionalProperties: false,
      },
    ],
    messages: {
      internal:
        "'{{source}}' reaches into the files of feature '{{target}}'; import what it offers from its public index (src/features/{{target}}/index.ts) instead.",
    },
  },
  create(context) {
    const file = context.filename;
    const exempt = context.options[0]?.exempt ?? [];
    if (isAppRoot(file) || exempt.some((e) => file.includes(e))) return {};
    const from = featureOf(file);

    function check(node, source) {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const target = featureOf(path.resolve(path.dirname(file), source));
      if (!target || !target.name) return;
      if (from && from.name === target.name) return;
      const inner = target.rest.filter(Boolean);
      if (inner.length === 0 || (inner.length === 1 && /^index(\.tsx?)?$/.test(inner[0]))) return;
      context.report({ node, messageId: 'internal', data: { source, target: target.name } });
    }

    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
    };
  },
};
