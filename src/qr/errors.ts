/**
 * Codes of the problems a QR code can have. A value that is wrong is `FIELD-invalid`, as for
 * every option and attribute of the kit; what is wrong with the code itself starts with `qr-`.
 */
export type QrProblemCode =
  | 'qr-too-long'
  | 'size-invalid'
  | 'margin-invalid'
  | 'qr-margin-small'
  | 'error-correction-invalid'
  | 'scale-invalid'
  | 'color-invalid'
  | 'qr-low-contrast'
  | 'qr-logo-dropped'
  | 'qr-invalid'
  | 'qr-not-ready';

/** Thrown when a QR code cannot be made from what it was given. */
export class QrError extends Error {
  readonly code: QrProblemCode;
  /** The option or attribute at fault: `value`, `size`, `margin`, `error-correction`, `scale`, `color`, `logo`, or a link attribute. */
  readonly field: string;

  constructor(code: QrProblemCode, field: string, message: string) {
    super(message);
    this.name = 'QrError';
    this.code = code;
    this.field = field;
  }
}
