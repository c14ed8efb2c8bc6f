// Fails when two .cpp files of one target define the same name at the top of an anonymous
// namespace inside the same named namespace. The unity build (CMakeLists.txt, aims_unity) compiles
// a target's sources in batches, and which files share a batch changes whenever a file is added, so
// such a pair breaks the build on the day it lands in one batch. Names used by one file only are
// fine; a helper several files need belongs in a header. Prints each clash and exits 1.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;

function* cppFiles(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* cppFiles(p);
    else if (name.endsWith('.cpp')) yield p;
  }
}

/** The target a source compiles into (CMakeLists.txt's globs). */
function targetOf(rel) {
  if (rel.startsWith('tests/conformance/')) return 'aims_conformance_tests';
  if (rel.endsWith('_test.cpp') || rel.startsWith('tests/unit/')) return 'aims_unit_tests';
  const [top, area, file] = rel.split('/');
  if (top !== 'src') return null;
  if (area === 'app' && (file === 'main.cpp' || file === 'serve_command.cpp')) return 'aims';
  return area === 'cli' ? 'aims' : `aims_${area}`;
}

// A definition at the start of a line: a function (its body opens on the line), a variable or
// constant, or a type. Lines that only use a name (a base class, a using-declaration) are not.
const definition = [
  /^(?:static |inline )*(?:constexpr |const )*(?!struct |class |enum |using |namespace |return )[A-Za-z_][\w:<>,*& ]*?[ *&]([A-Za-z_]\w*)\(.*\{$/,
  /^(?:static |inline )*(?:constexpr |const )*(?!struct |class |enum |using |namespace |return )[A-Za-z_][\w:<>,*& ]*?[ *&]([A-Za-z_]\w*)(?:\[\])?(?: =|\{| \{)/,
  /^(?:struct|class|enum class|enum) ([A-Za-z_]\w*)\b(?!;)/,
  /^using ([A-Za-z_]\w*) =(.*)$/,
];

const seen = new Map();
for (const dir of ['src', 'tests/unit', 'tests/conformance']) {
  for (const file of cppFiles(join(root, dir))) {
    const rel = relative(root, file);
    const target = targetOf(rel);
    if (!target) continue;
    const text = readFileSync(file, 'utf8');
    const ns = /^namespace ([\w:]+) \{/m.exec(text)?.[1] ?? '';
    for (const block of text.matchAll(/^namespace \{\n([\s\S]*?)^\}  \/\/ namespace$/gm)) {
      for (const line of block[1].split('\n')) {
        if (line.includes('<<')) continue;
        for (const re of definition) {
          const m = re.exec(line);
          if (!m) continue;
          const key = `${target} ${ns || '(global)'} ${m[1]}`;
          if (!seen.has(key)) seen.set(key, { files: new Set(), aliases: new Set(), other: false });
          const d = seen.get(key);
          d.files.add(rel);
          // A type alias may repeat when every file writes it alike (it names the same type).
          if (m[2] !== undefined) d.aliases.add(m[2].trim());
          else d.other = true;
          break;
        }
      }
    }
  }
}

let clashes = 0;
for (const [key, { files, aliases, other }] of seen) {
  if (files.size < 2 || (!other && aliases.size === 1)) continue;
  const [target, ns, name] = key.split(' ');
  console.log(`${name} (${ns}, ${target}) is defined in ${[...files].join(', ')}: give each its own name or share it from a header`);
  clashes++;
}
if (clashes) process.exit(1);
console.log(`unity names: no name defined twice in a target's anonymous namespaces (${seen.size} names)`);
