/** Codes of the mistakes and failures `mme-kit/store` reports. */
export type StoreErrorCode =
  | 'driver-missing'
  | 'db-invalid'
  | 'db-cannot-open'
  | 'db-read-only'
  | 'db-full'
  | 'db-corrupt'
  | 'db-unreachable'
  | 'db-refused'
  | 'db-failed'
  | 'schema-newer'
  | 'secret-missing'
  | 'timezone-invalid'
  | 'range-invalid'
  | 'channel-invalid'
  | 'by-invalid'
  | 'id-missing';

/** Thrown when a store cannot be opened, written or read; `field` names what is at fault. */
export class StoreError extends Error {
  readonly code: StoreErrorCode;
  /** What is at fault, as the caller named it: `path`, `url`, `db`, `secret`, `timeZone`, `since`… */
  readonly field: string;

  constructor(code: StoreErrorCode, field: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreError';
    this.code = code;
    this.field = field;
  }
}
