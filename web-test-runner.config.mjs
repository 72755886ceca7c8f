import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromiumArgs, chromiumPath } from './test/helpers/chromium.mjs';
import { countReporter } from './test/helpers/wtr-count-reporter.mjs';
import { cjsModulesPlugin } from './test/helpers/wtr-cjs-plugin.mjs';
import { mediaPlugin } from './test/helpers/wtr-media-plugin.mjs';
import { screenshotPlugin } from './test/helpers/wtr-screenshot-plugin.mjs';


export default {
  files: ['test/**/*.test.ts', '!test/**/*.node.test.ts'],
  nodeResolve: { browser: true },
  // One page at a time: a background page gets no animation frames and no keyboard focus.
  concurrency: 1,
  plugins: [cjsModulesPlugin(), screenshotPlugin(), mediaPlugin(), esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json', target: 'es2022' })],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: chromiumPath, headless: true, args: chromiumArgs },
    }),
  ],
  reporters: [defaultReporter(), countReporter(process.env.MME_COUNT_FILE)],
  testFramework: { config: { timeout: 20000 } },
  testsFinishTimeout: 300000,
};
