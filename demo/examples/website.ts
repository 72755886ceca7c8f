import { start } from '../../src/embed/index.js';

// The same start() that dist/cdn/embed.js runs, given this page's tag with its data-* settings.
start(document.querySelector<HTMLScriptElement>('script[data-page]'));
