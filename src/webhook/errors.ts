/** Codes of the mistakes `mme-kit/webhook` reports. */
export type WebhookErrorCode = 'body-not-json' | 'body-not-object' | 'body-not-raw' | 'secret-missing' | 'token-missing' | 'callback-missing' | 'store-invalid' | 'click-invalid' | 'origins-missing' | 'origin-invalid';

/** Thrown for a webhook body or call that cannot be read at all. */
export class WebhookError extends Error {
  readonly code: WebhookErrorCode;
  /** What is at fault: `body`, `rawBody`, `appSecret`, `verifyToken`, `onReferral`, `store` or `allowOrigins`. */
  readonly field: string;

  constructor(code: WebhookErrorCode, field: string, message: string) {
    super(message);
    this.name = 'WebhookError';
    this.code = code;
    this.field = field;
  }
}
