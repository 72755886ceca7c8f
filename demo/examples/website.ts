import { start } from '../../src/embed/index.js';

// The same start() that dist/cdn/embed.js runs, given the tag that holds this page's data-* settings.
start(document.querySelector<HTMLScriptElement>('#embed-tag'));
