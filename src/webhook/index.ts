export { WebhookError } from './errors.js';
export type { WebhookErrorCode } from './errors.js';
export { readEvents, readReferrals } from './referrals.js';
export type { Optin, Referral } from './referrals.js';
export { verifySignature, verifySubscription } from './verify.js';
export { createWebhookHandler, memorySeenStore } from './handler.js';
export type { SeenStore, WebhookHandlerOptions } from './handler.js';
export { toNodeListener } from './node.js';
