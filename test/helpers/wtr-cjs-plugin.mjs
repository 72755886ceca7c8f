import { build } from 'esbuild';

/**
 * jsqr and qrcode ship CommonJS only, which the test server cannot hand to the browser as ES
 * modules. This serves an esbuild ES-module bundle of each module listed here under its usual
 * import path, with the named exports the kit imports.
 */
const modules = {
  jsqr: "export { default } from 'jsqr';",
  'qrcode/lib/core/qrcode.js': "export { create } from 'qrcode/lib/core/qrcode.js';",
};

export function cjsModulesPlugin() {
  const bundles = new Map();
  const pathOf = (name) => `/__mme-cjs/${name.replace(/\W+/g, '-')}.js`;
  const byPath = new Map(Object.keys(modules).map((name) => [pathOf(name), name]));
  return {
    name: 'mme-cjs-modules',
    resolveImport({ source }) {
      if (source in modules) return pathOf(source);
    },
    async serve(context) {
      const name = byPath.get(context.path);
      if (!name) return;
      if (!bundles.has(name)) {
        bundles.set(name, build({
          stdin: { contents: modules[name], resolveDir: process.cwd() },
          bundle: true,
          format: 'esm',
          platform: 'browser',
          write: false,
        }).then((result) => result.outputFiles[0].text));
      }
      return { body: await bundles.get(name), type: 'js' };
    },
  };
}
