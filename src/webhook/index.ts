export { WebhookError } from './errors.js';
export type { WebhookErrorCode } from './errors.js';
export { readReferrals } from './referrals.js';
export type { Optin, Referral } from './referrals.js';
export { verifySignature, verifySubscription } from './verify.js';
