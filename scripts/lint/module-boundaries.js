// ESLint rule `local/module-boundaries`: a module (src/modules/<m>/) is entered only through its
// front door (index.ts), and no module imports the transport or the composition root. The same
// checks, plus import cycles, run over the whole graph in scripts/check-architecture.ts.
import path from 'node:path';

const MODULES = `${path.sep}src${path.sep}modules${path.sep}`;

function moduleOf(file) {
  const at = file.indexOf(MODULES);
  if (at < 0) return null;
  const rest = file.slice(at + MODULES.length).split(path.sep);
  return rest.length > 1 ? { name: rest[0], root: file.slice(0, at + MODULES.length) + rest[0] } : null;
}

/** @type {import('eslint').Rule.RuleModule} */
export const moduleBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'Modules are imported only through their index.ts; modules never import src/server, src/app.ts or src/main.ts.' },
    schema: [],
    messages: {
      door: "'{{spec}}' reaches into module '{{target}}': import its front door (src/modules/{{target}}/index.ts) instead.",
      transport: "'{{spec}}': a module knows no transport and no composition root (src/server, src/app.ts, src/main.ts).",
    },
  },
  create(context) {
    const file = context.filename;
    const from = moduleOf(file);
    const check = (node, spec) => {
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const target = path.resolve(path.dirname(file), spec).replace(/\.js$/, '.ts');
      const to = moduleOf(target);
      if (to && (!from || from.name !== to.name)) {
        const door = target === path.join(to.root, 'index.ts') || target === to.root;
        if (!door) context.report({ node, messageId: 'door', data: { spec, target: to.name } });
      }
      if (from) {
        const src = file.slice(0, file.indexOf(MODULES)) + `${path.sep}src${path.sep}`;
        const rel = path.relative(src, target);
        if (rel.startsWith(`server${path.sep}`) || rel === 'app.ts' || rel === 'main.ts') context.report({ node, messageId: 'transport', data: { spec } });
      }
    };
    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
    };
  },
};
