// Everything public, by name: the elements, the link, webhook and email modules, and each
// module's error class (LinkError, QrError, EmailError, WebhookError).
export * from './components/index.js';
export * from './email/index.js';
export * from './link/index.js';
export * from './webhook/index.js';
