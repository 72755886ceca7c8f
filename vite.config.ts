import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { build as esbuild } from 'esbuild';
import { defineConfig, type Plugin } from 'vite';

/** Public entries of the npm package; dist/ mirrors src/, with types in dist/types/. */
const entries = ['src/index.ts', 'src/link/index.ts', 'src/webhook/index.ts', 'src/email/index.ts', 'src/components/index.ts', 'src/cli/mme.ts'];

/**
 * Emits .d.ts files and custom-elements.json after the bundle. The .d.ts come from the project's own tsc (TypeScript 7 has no compiler API for plugins to
 * call), from a config that extends tsconfig.json but covers src/ only.
 */
function declarations(): Plugin {
  return {
    name: 'mme-declarations',
    apply: 'build',
    closeBundle() {
      const dir = 'node_modules/.cache/mme-kit';
      mkdirSync(dir, { recursive: true });
      writeFileSync(`${dir}/tsconfig.types.json`, JSON.stringify({
        extends: '../../../tsconfig.json',
        include: ['../../../src'],
        exclude: ['../../../src/cli'],
        compilerOptions: { noEmit: false, declaration: true, emitDeclarationOnly: true, rootDir: '../../../src', outDir: '../../../dist/types' },
      }));
      const types = spawnSync('node_modules/.bin/tsc', ['-p', `${dir}/tsconfig.types.json`], { stdio: 'inherit' });
      if (types.status !== 0) throw new Error('declaration build failed');
      // custom-elements.json, from the elements' doc blocks, for IDEs and documentation tools.
      const manifest = spawnSync('node_modules/.bin/cem', ['analyze', '--litelement', '--quiet', '--globs', 'src/components/**/*.ts', '--outdir', 'dist'], { stdio: 'inherit' });
      if (manifest.status !== 0) throw new Error('custom-elements.json build failed');
      chmodSync('dist/cli/mme.js', 0o755);
    },
  };
}

/** The script-tag embed's classic loader, dist/cdn/embed.js: one small IIFE. */
function embedLoader(): Plugin {
  return {
    name: 'mme-embed-loader',
    apply: 'build',
    async closeBundle() {
      await esbuild({ entryPoints: ['src/embed/loader.ts'], outfile: 'dist/cdn/embed.js', bundle: true, minify: true, format: 'iife', target: 'es2020', logLevel: 'warning' });
    },
  };
}

export default defineConfig(({ command, mode }) => {
  if (command === 'serve') {
    return { root: 'demo', server: { host: '127.0.0.1', port: 5173, strictPort: true } };
  }
  if (mode === 'demo') {
    // dist/demo/: the configurator and its example pages as static files for any host.
    const pages = ['index', 'frame', 'examples/website', 'examples/cms', 'examples/email'];
    return {
      root: 'demo',
      base: './',
      build: {
        outDir: '../dist/demo',
        emptyOutDir: true,
        target: 'es2022',
        rolldownOptions: { input: Object.fromEntries(pages.map((page) => [page, `demo/${page}.html`])) },
      },
    };
  }
  if (mode === 'cdn') {
    // dist/cdn/: self-contained, minified ES modules for pages without a build step. The QR
    // code is a chunk of its own, loaded only when a page shows one.
    return {
      build: {
        outDir: 'dist/cdn',
        emptyOutDir: true,
        target: 'es2022',
        minify: true,
        lib: { entry: { 'embed.module': 'src/embed/index.ts', elements: 'src/components/index.ts', link: 'src/link/index.ts' }, formats: ['es'] },
        rolldownOptions: { output: { minify: true, entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' } },
      },
      plugins: [embedLoader()],
    };
  }
  return {
    build: {
      outDir: 'dist',
      target: 'es2022',
      minify: false,
      lib: { entry: entries, formats: ['es'] },
      rolldownOptions: {
        external: [/^lit($|\/)/, /^lean-qr($|\/)/, /^csv-parse($|\/)/, /^node:/],
        output: { preserveModules: true, preserveModulesRoot: 'src', entryFileNames: '[name].js' },
      },
    },
    plugins: [declarations()],
  };
});
