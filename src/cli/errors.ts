/** A mistake in how the command was called: exit code 2, with the command's usage. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Invalid input (an option's value, a file): exit code 1, one line naming the option. */
export class InputError extends Error {
  override name = 'InputError';
}

const FLAGS: Record<string, string> = { url: 'URL', options: '--page', imageUrl: '--qr-src', 'error-correction': '--error-correction', value: '--value' };

/** The flag a library error is about: `page` → `--page`. */
export const flagOf = (field: string): string => FLAGS[field] ?? `--${field.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase())}`;

/** Turns an error thrown by the kit for bad input into an InputError naming its flag. */
export function asInputError(error: unknown): unknown {
  const { name, field, message } = error as { name?: string; field?: string; message?: string };
  if (name === 'LinkError' || name === 'QrError' || name === 'EmailError') return new InputError(`${flagOf(field ?? '')}: ${message}`);
  return error;
}
