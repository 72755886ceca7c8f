import { EmailError } from '../email/index.js';
import { LinkError } from '../link/index.js';
import { QrError } from '../qr/index.js';
import { StoreError } from '../store/index.js';

/** A mistake in how the command was called: exit code 2, with the command's usage. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Invalid input (an option's value, a file): exit code 1, one line naming the option. */
export class InputError extends Error {
  override name = 'InputError';
}

/** Field → flag, where a kit error's field is not simply the flag's name. */
export type FlagNames = Readonly<Record<string, string>>;

const FLAGS: FlagNames = { url: 'URL', options: '--page', username: '--instagram', 'error-correction': '--error-correction', value: '--value' };

/** A store error's field → the flag or variable a person set. */
const STORE_FLAGS: FlagNames = { db: '--db', path: '--db', url: '--db', secret: 'MME_APP_SECRET', timeZone: '--timezone', id: 'ID' };

/** The flag a library error is about: `page` → `--page`; a command's own `flags` come first. */
export const flagOf = (field: string, flags: FlagNames = {}): string =>
  flags[field] ?? FLAGS[field] ?? `--${field.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase())}`;

/** Turns an error thrown by the kit for bad input into an InputError naming its flag. */
export function asInputError(error: unknown, flags: FlagNames = {}): unknown {
  if (error instanceof LinkError || error instanceof QrError || error instanceof EmailError) return new InputError(`${flagOf(error.field, flags)}: ${error.message}`);
  if (error instanceof StoreError) return new InputError(`${flags[error.field] ?? STORE_FLAGS[error.field] ?? flagOf(error.field)}: ${error.message}`);
  return error;
}

/** Runs `work`, naming the flags of the kit errors it throws with the command's own `flags`. */
export function naming<T>(flags: FlagNames, work: () => T): T {
  try {
    return work();
  } catch (error) {
    throw asInputError(error, flags);
  }
}
