/** Codes of the mistakes `mme-kit/email` reports. */
export type EmailErrorCode =
  | 'email-low-contrast'
  | 'color-invalid'
  | 'lang-invalid'
  | 'dir-invalid'
  | 'outlook-invalid'
  | 'label-invalid'
  | 'size-invalid'
  | 'image-url-invalid';

/** Thrown for email options that would give a broken, unsafe or unreadable snippet. */
export class EmailError extends Error {
  readonly code: EmailErrorCode;
  /** The option at fault. */
  readonly field: string;

  constructor(code: EmailErrorCode, field: string, message: string) {
    super(message);
    this.name = 'EmailError';
    this.code = code;
    this.field = field;
  }
}
