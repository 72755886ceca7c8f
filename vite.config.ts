// `npm run build` runs five passes of this config, one `vite build --mode NAME` each:
//   npm     dist/: the npm package, one file per source module, dependencies left as imports,
//           with .d.ts types, custom-elements.json and the executable `mme` CLI.
//   cdn     dist/cdn/elements.js and link.js: minified ES modules for <script type="module">.
//   embed   dist/cdn/embed.module.js: the script-tag embed, with its lazy chunks.
//   loader  dist/cdn/embed.js: the classic script a page includes, which imports the embed.
//   demo    dist/demo/: the configurator and its example pages, as static files.
// `npm start` serves the configurator from demo/ instead.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { transform } from 'esbuild';
import { defineConfig, type Plugin, type UserConfig } from 'vite';

/**
 * The package's dependencies and optional peers (@lit-labs/ssr, @lit/react, react): the npm build
 * imports them, so that an app's bundler shares one copy.
 */
const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as Record<string, Record<string, string>>;
const dependencies = [...Object.keys(manifest.dependencies), ...Object.keys(manifest.peerDependencies ?? {})];
const isExternal = (id: string) => id.startsWith('node:') || dependencies.some((name) => id === name || id.startsWith(`${name}/`));

/** Public entries of the npm package; dist/ mirrors src/, with types in dist/types/. */
const entries = ['src/index.ts', 'src/link/index.ts', 'src/webhook/index.ts', 'src/email/index.ts', 'src/components/index.ts', 'src/ssr/index.ts', 'src/react/index.ts', 'src/cli/mme.ts'];

/** Runs one of the project's own tools, or fails the build with its name. */
function run(what: string, command: string, args: string[]): void {
  if (spawnSync(command, args, { stdio: 'inherit' }).status !== 0) throw new Error(`${what} failed`);
}

/**
 * dist/types/: .d.ts files from the project's own tsc (TypeScript 7 has no compiler API for a
 * plugin to call), with a config that extends tsconfig.json but covers src/ only.
 */
function typeDeclarations(): Plugin {
  return {
    name: 'mme-type-declarations',
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
      run('the declaration build', 'node_modules/.bin/tsc', ['-p', `${dir}/tsconfig.types.json`]);
    },
  };
}

/** dist/custom-elements.json, from the elements' doc blocks, for IDEs and documentation tools. */
function elementsManifest(): Plugin {
  return {
    name: 'mme-elements-manifest',
    apply: 'build',
    closeBundle() {
      run('custom-elements.json', 'node_modules/.bin/cem', ['analyze', '--litelement', '--quiet', '--globs', 'src/components/**/*.ts', '--outdir', 'dist']);
    },
  };
}

/** Makes dist/cli/mme.js, the package's `bin`, executable. */
function executableCli(): Plugin {
  return { name: 'mme-executable-cli', apply: 'build', closeBundle: () => chmodSync('dist/cli/mme.js', 0o755) };
}

/**
 * Minifies the elements' css`` templates with esbuild's CSS minifier. The JS minifier leaves
 * template text alone, since it cannot know what a tag does with it. The kit's styles have no
 * `${}` parts; one that had them would be left as written.
 */
function minifyCssTemplates(): Plugin {
  type Node = { type: string; start: number; end: number; [key: string]: unknown };
  const walk = (node: unknown, visit: (node: Node) => void): void => {
    if (Array.isArray(node)) for (const child of node) walk(child, visit);
    else if (node && typeof node === 'object') {
      if (typeof (node as Node).type === 'string') visit(node as Node);
      for (const value of Object.values(node)) if (value && typeof value === 'object') walk(value, visit);
    }
  };
  return {
    name: 'mme-minify-css-templates',
    apply: 'build',
    enforce: 'post',
    async transform(code, id) {
      if (!/\/src\/components\/.*\.styles\.ts$/.test(id)) return null;
      const quasis: Node[] = [];
      walk(this.parse(code), (node) => {
        if (node.type !== 'TaggedTemplateExpression' || (node.tag as { name?: string }).name !== 'css') return;
        const parts = (node.quasi as { quasis: Node[] }).quasis;
        if (parts.length === 1) quasis.push(parts[0]);
      });
      let out = code;
      for (const quasi of quasis.sort((a, b) => b.start - a.start)) {
        const { code: css } = await transform(code.slice(quasi.start, quasi.end), { loader: 'css', minify: true });
        out = out.slice(0, quasi.start) + css.trim().replace(/[`\\]|\$\{/g, (c) => `\\${c}`) + out.slice(quasi.end);
      }
      return { code: out, map: null };
    },
  };
}

/**
 * A minified ES-module build of `entry` into dist/cdn/. qrcode's optimal-segmentation search
 * (dijkstrajs) is left out: the kit never asks for it (src/qr/dijkstra-stub.ts says why).
 */
function cdnBuild(entry: Record<string, string>, chunkFileNames: string, options: { emptyOutDir: boolean; preserveEntrySignatures?: 'allow-extension' }): UserConfig {
  return {
    resolve: { alias: { dijkstrajs: resolve('src/qr/dijkstra-stub.ts') } },
    build: {
      outDir: 'dist/cdn',
      emptyOutDir: options.emptyOutDir,
      target: 'es2022',
      lib: { entry, formats: ['es'] },
      rolldownOptions: {
        preserveEntrySignatures: options.preserveEntrySignatures,
        output: { minify: true, entryFileNames: '[name].js', chunkFileNames },
        onLog(level, log, handler) {
          // elements.js defines both elements up front, so the chat button's lazy import of the
          // QR code finds it already loaded there; in the embed the same import is a real chunk.
          if (log.code === 'INEFFECTIVE_DYNAMIC_IMPORT' && entry.elements) return;
          handler(level, log);
        },
      },
    },
    plugins: [minifyCssTemplates()],
  };
}

const passes: Record<string, () => UserConfig> = {
  npm: () => ({
    build: {
      outDir: 'dist',
      target: 'es2022',
      minify: false,
      lib: { entry: entries, formats: ['es'] },
      rolldownOptions: {
        external: isExternal,
        output: { preserveModules: true, preserveModulesRoot: 'src', entryFileNames: '[name].js' },
      },
    },
    // The css templates are minified here too: server rendering sends them in every page's HTML.
    plugins: [minifyCssTemplates(), typeDeclarations(), elementsManifest(), executableCli()],
  }),
  // Both entries share their chunks (Lit, the link module), so a page that loads both loads each once.
  cdn: () => cdnBuild({ elements: 'src/components/index.ts', link: 'src/link/index.ts' }, 'chunks/[name]-[hash].js', { emptyOutDir: true }),
  // Everything a page with a floating button needs is one file (one gzip stream compresses better
  // than three); only what loads later (the QR code, the greeting and popover, the PNG encoder)
  // is a chunk, which imports what it shares from the entry, so the entry may export more than
  // `start`.
  embed: () => cdnBuild({ 'embed.module': 'src/embed/index.ts' }, 'chunks/embed-[name]-[hash].js', { emptyOutDir: false, preserveEntrySignatures: 'allow-extension' }),
  // A classic script (an IIFE) cannot code-split, so it is a separate, tiny file: it finds its own
  // <script> tag and imports embed.module.js from beside it.
  loader: () => ({
    build: {
      outDir: 'dist/cdn',
      emptyOutDir: false,
      target: 'es2020',
      lib: { entry: 'src/embed/loader.ts', formats: ['iife'], name: 'mmeKitLoader', fileName: () => 'embed.js' },
      rolldownOptions: { output: { minify: true } },
    },
  }),
  demo: () => {
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
  },
};

export default defineConfig(({ command, mode }): UserConfig => {
  if (command === 'serve') return { root: 'demo', server: { host: '127.0.0.1', port: 5173, strictPort: true } };
  const pass = passes[mode === 'production' ? 'npm' : mode];
  if (!pass) throw new Error(`vite build --mode ${mode}: no such pass; the passes are ${Object.keys(passes).join(', ')}`);
  return pass();
});
