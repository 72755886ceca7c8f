import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { build as esbuild } from 'esbuild';
import { defineConfig, type Plugin, type UserConfig } from 'vite';

/** The package's dependencies: the npm build imports them, so that an app's bundler shares one copy. */
const dependencies = Object.keys(JSON.parse(readFileSync('package.json', 'utf8')).dependencies as Record<string, string>);
const isExternal = (id: string) => id.startsWith('node:') || dependencies.some((name) => id === name || id.startsWith(`${name}/`));

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

type Node = { type: string; start: number; end: number; [key: string]: unknown };

/** Calls `visit` on every node of an ESTree AST. */
function walk(node: unknown, visit: (node: Node) => void): void {
  if (Array.isArray(node)) for (const child of node) walk(child, visit);
  else if (node && typeof node === 'object') {
    if (typeof (node as Node).type === 'string') visit(node as Node);
    for (const value of Object.values(node)) if (value && typeof value === 'object') walk(value, visit);
  }
}

/** Whitespace-only compaction of CSS text: what the browser reads stays the same. */
const compactCss = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\s+/g, ' ').replace(/\s*([{};,])\s*/g, '$1').replace(/:\s+/g, ':').replace(/;}/g, '}');

/**
 * For the minified CDN files: collapses the whitespace and comments of the elements' css``
 * templates, which the JS minifier leaves alone since it cannot know what the tag does.
 */
function compactTemplates(): Plugin {
  return {
    name: 'mme-compact-templates',
    apply: 'build',
    enforce: 'post',
    transform(code, id) {
      if (!/\/src\/components\/.*\.ts$/.test(id)) return null;
      const edits: [number, number, string][] = [];
      walk(this.parse(code), (node) => {
        if (node.type !== 'TaggedTemplateExpression') return;
        if ((node.tag as { name?: string }).name !== 'css') return;
        for (const quasi of (node.quasi as { quasis: Node[] }).quasis) edits.push([quasi.start, quasi.end, compactCss(code.slice(quasi.start, quasi.end))]);
      });
      let out = code;
      for (const [start, end, text] of edits.sort((a, b) => b[0] - a[0])) out = out.slice(0, start) + text + out.slice(end);
      return { code: out, map: null };
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

/** A minified ES-module build of `entry` into dist/cdn/, after the first pass's dist/. */
function cdnBuild(entry: Record<string, string>, chunkFileNames: string, options: { emptyOutDir: boolean; preserveEntrySignatures?: 'allow-extension' }): UserConfig {
  return {
    build: {
      outDir: 'dist/cdn',
      emptyOutDir: options.emptyOutDir,
      target: 'es2022',
      lib: { entry, formats: ['es'] },
      rolldownOptions: { preserveEntrySignatures: options.preserveEntrySignatures, output: { minify: true, entryFileNames: '[name].js', chunkFileNames } },
    },
    plugins: [compactTemplates()],
  };
}

export default defineConfig(({ command, mode }): UserConfig => {
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
    // dist/cdn/elements.js and link.js: minified ES modules for <script type="module"> pages
    // without a build step, sharing their chunks.
    return cdnBuild({ elements: 'src/components/index.ts', link: 'src/link/index.ts' }, 'chunks/[name]-[hash].js', { emptyOutDir: true });
  }
  if (mode === 'embed') {
    // The script-tag embed, in a pass of its own so that everything a page with a floating button
    // needs is one file (one gzip stream compresses better than three), and only what loads
    // later (the QR code, the greeting and popover, the PNG encoder) is a chunk that imports it.
    // The entry may export more than `start`, so that those chunks can import what they share.
    const config = cdnBuild({ 'embed.module': 'src/embed/index.ts' }, 'chunks/embed-[name]-[hash].js', { emptyOutDir: false, preserveEntrySignatures: 'allow-extension' });
    return { ...config, plugins: [...config.plugins!, embedLoader()] };
  }
  return {
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
    plugins: [declarations()],
  };
});
