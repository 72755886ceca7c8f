import { build } from 'esbuild';

/**
 * qrcode ships CommonJS only, which the test server cannot hand to the browser as ES modules.
 * This serves an esbuild ES-module bundle of its encoder under the same import path.
 */
export function qrcodePlugin() {
  const path = '/__mme-qrcode.js';
  let bundle;
  return {
    name: 'mme-qrcode',
    resolveImport({ source }) {
      if (source === 'qrcode/lib/core/qrcode.js') return path;
    },
    async serve(context) {
      if (context.path !== path) return;
      bundle ??= build({
        stdin: { contents: "export { create } from 'qrcode/lib/core/qrcode.js';", resolveDir: process.cwd() },
        bundle: true,
        format: 'esm',
        platform: 'browser',
        write: false,
      }).then((result) => result.outputFiles[0].text);
      return { body: await bundle, type: 'js' };
    },
  };
}
