export * from './components/index.js';
export * from './link/index.js';
export * from './webhook/index.js';
