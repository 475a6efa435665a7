// The one reason `?.` is compiled away for Chrome 85–90 (build.mjs: `pageTarget`): V8 there mishandles an optional
// call with a spread argument that is not the last one (`a?.b(...x, y)`, crbug.com/42201552). The chunks built to
// keep `?.` native are checked for such a call after every build, so a later edit cannot bring one in unnoticed.
import { parseAst } from 'vite';

/** The calls in `code` that sit in an optional chain and spread an argument before the last one, as source text. */
export function optionalSpreadCalls(code) {
  const found = [];
  const walk = (node, inChain) => {
    if (!node || typeof node.type !== 'string') return;
    const chain = inChain || node.type === 'ChainExpression';
    if (node.type === 'CallExpression' && (chain || node.optional)) {
      const spread = node.arguments.findIndex((argument) => argument.type === 'SpreadElement');
      if (spread !== -1 && spread < node.arguments.length - 1) found.push(code.slice(node.start, node.end));
    }
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) for (const child of value) walk(child, chain);
      else if (value && typeof value === 'object') walk(value, chain);
    }
  };
  walk(parseAst(code), false);
  return found;
}
