/** Records console.error and console.warn calls (still silencing them) until restore(). */
export function captureConsole() {
  const errors: string[] = [];
  const warnings: string[] = [];
  const original = { error: console.error, warn: console.warn };
  console.error = (...args: unknown[]) => errors.push(args.join(' '));
  console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
  return {
    errors,
    warnings,
    restore() {
      Object.assign(console, original);
    },
  };
}
