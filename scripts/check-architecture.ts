/**
 * The architecture check run by `npm run lint` (after ESLint, whose `local/module-boundaries` rule
 * flags the same breaches in the editor): the import graph of src/, workers/ and scripts/ as
 * TypeScript resolves it, type-only imports included (a type is a dependency of the design too).
 *
 * It fails on:
 * - an import cycle between files;
 * - an import cycle between modules (src/modules/<m>/), e.g. bookings -> queue -> bookings;
 * - an import of a module's file other than its front door (index.ts) from outside the module;
 * - a module importing the transport or the composition root (src/server/, src/app.ts, src/main.ts).
 *
 * `--report` prints the module dependency table and the largest files instead of only failing.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = resolve(dirname(fileURLToPath(import.meta.url)), import.meta.url.includes('/dist/') ? '../..' : '..');
const roots = ['src', 'workers', 'scripts'];

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      if (name === 'generated' || name === 'node_modules') continue;
      walk(p, out);
    } else if (p.endsWith('.ts') && !p.endsWith('.d.ts') && !p.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

/** Imports of one file, resolved to files of the project (packages are left out). */
function importsOf(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
  const specs: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      specs.push(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [arg] = node.arguments;
      if (arg && ts.isStringLiteral(arg)) specs.push(arg.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return specs
    .filter((s) => s.startsWith('.'))
    .map((s) => resolve(dirname(file), s).replace(/\.js$/, '.ts'))
    .map((p) => (p.endsWith('.ts') ? p : `${p}.ts`));
}

/** `src/modules/<m>/…` -> m. */
export function moduleOf(file: string): string | null {
  const rel = relative(root, file).split(sep);
  return rel[0] === 'src' && rel[1] === 'modules' && rel[2] ? rel[2] : null;
}

/** Strongly connected components of more than one node (or a node importing itself): the cycles. */
function cycles(graph: Map<string, Set<string>>): string[][] {
  let index = 0;
  const stack: string[] = [];
  const on = new Set<string>();
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const out: string[][] = [];
  const strong = (v: string): void => {
    idx.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        strong(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v) ?? 0, idx.get(w) ?? 0));
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      for (;;) {
        const w = stack.pop();
        if (w === undefined) break;
        on.delete(w);
        scc.push(w);
        if (w === v) break;
      }
      if (scc.length > 1 || graph.get(v)?.has(v)) out.push(scc.sort());
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) strong(v);
  return out;
}

export function analyse() {
  const files = roots.flatMap((r) => walk(join(root, r)));
  const known = new Set(files);
  const fileGraph = new Map<string, Set<string>>();
  const moduleGraph = new Map<string, Set<string>>();
  const breaches: string[] = [];
  for (const file of files) {
    const deps = new Set(importsOf(file).filter((d) => known.has(d)));
    fileGraph.set(file, deps);
    const from = moduleOf(file);
    if (from && !moduleGraph.has(from)) moduleGraph.set(from, new Set());
    for (const dep of deps) {
      const to = moduleOf(dep);
      const relFile = relative(root, file);
      const relDep = relative(root, dep);
      if (to && to !== from) {
        if (!relDep.endsWith(`modules${sep}${to}${sep}index.ts`)) breaches.push(`${relFile} imports ${relDep}: only src/modules/${to}/index.ts may be imported from outside the module`);
        if (from) moduleGraph.get(from)?.add(to);
      }
      if (from && /^src[/\\](server[/\\]|app\.ts$|main\.ts$)/.test(relDep)) breaches.push(`${relFile} imports ${relDep}: modules know no transport and no composition root`);
    }
  }
  return { files, fileGraph, moduleGraph, breaches, fileCycles: cycles(fileGraph), moduleCycles: cycles(moduleGraph) };
}

function main(): void {
  const a = analyse();
  const rel = (p: string) => relative(root, p);
  if (process.argv.includes('--report')) {
    console.log('module dependencies (module -> doors it uses):');
    for (const [m, deps] of [...a.moduleGraph].sort()) console.log(`  ${m.padEnd(14)} -> ${[...deps].sort().join(', ') || '—'}`);
    const sizes = a.files.map((f) => [rel(f), readFileSync(f, 'utf8').split('\n').length] as const).sort((x, y) => y[1] - x[1]);
    console.log('largest files:');
    for (const [f, n] of sizes.slice(0, 8)) console.log(`  ${String(n).padStart(5)}  ${f}`);
    console.log(`cross-module imports of non-door files: ${a.breaches.filter((b) => b.includes('only src/modules')).length}`);
  }
  for (const b of a.breaches) console.error(`boundary: ${b}`);
  for (const c of a.fileCycles) console.error(`file cycle: ${c.map(rel).join(' <-> ')}`);
  for (const c of a.moduleCycles) console.error(`module cycle: ${c.join(' <-> ')}`);
  const problems = a.breaches.length + a.fileCycles.length + a.moduleCycles.length;
  console.log(`architecture: ${a.files.length} files, ${a.breaches.length} boundary breaches, ${a.fileCycles.length} file cycles, ${a.moduleCycles.length} module cycles`);
  if (problems > 0) process.exitCode = 1;
}

if (process.argv[1] && resolve(process.argv[1]).replace(/\.(js|ts)$/, '') === fileURLToPath(import.meta.url).replace(/\.(js|ts)$/, '')) main();
