#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { COMMANDS, type Output } from './commands.js';
import { InputError, UsageError, asInputError } from './errors.js';

const USAGE = `Usage: mme COMMAND [options]   (mme --version: the version)

Commands:
${Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(8)} ${c.summary}`).join('\n')}

Run "mme COMMAND --help" for a command's options.`;

/** Runs the CLI; returns the exit code: 0 done, 1 invalid input, 2 usage mistake. */
export async function main(argv: string[], io: Output = { out: (t) => console.log(t), warn: (t) => console.error(t) }): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(USAGE);
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-v') {
    // dist/cli/mme.js → the package's own package.json, two folders up.
    const manifest = JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'package.json'), 'utf8')) as { version: string };
    io.out(manifest.version);
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.warn(`mme: unknown command "${name}"\n\n${USAGE}`);
    return 2;
  }
  if (args.includes('--help') || args.includes('-h')) {
    io.out(command.help);
    return 0;
  }
  try {
    await command.run(args, io);
    return 0;
  } catch (caught) {
    const error = asInputError(caught);
    if (error instanceof UsageError) {
      io.warn(`mme ${name}: ${error.message}\n\n${command.help}`);
      return 2;
    }
    if (error instanceof InputError) {
      io.warn(`mme ${name}: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

process.exitCode = await main(process.argv.slice(2));
