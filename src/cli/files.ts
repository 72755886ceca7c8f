import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { InputError } from './errors.js';

/** File-system error codes in a few words a person reads. */
const REASONS: Record<string, string> = {
  ENOENT: 'no such file or folder',
  EISDIR: 'it is a folder',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the disk is read-only',
  ENOSPC: 'the disk is full',
  EEXIST: 'it already exists',
};

/** What a file-system error means to a person, in a few words. */
export const reason = (error: unknown): string => REASONS[(error as NodeJS.ErrnoException).code ?? ''] ?? (error as Error).message;

/** Whether `path` is an existing folder, an existing file, or nothing. */
function kindOf(path: string): 'folder' | 'file' | 'none' {
  try {
    return statSync(path).isDirectory() ? 'folder' : 'file';
  } catch {
    return 'none';
  }
}

/** Files written one by one into a staging folder beside `folder`, then moved in together. */
export interface Staging {
  /** Writes one file into the staging folder (not yet into `folder`). */
  write(name: string, data: string | Uint8Array): void;
  /** The same, on the thread pool: the caller goes on while the disk writes. */
  writeLater(name: string, data: string | Uint8Array): Promise<void>;
  /** Moves every file written into `folder`, then removes the staging folder. */
  commit(): void;
  /** Removes the staging folder and what was written to it: nothing reaches `folder`. The caller's to call when anything fails. */
  discard(): void;
}

/**
 * Writes files into `folder` all or nothing, as they are made: each goes to a staging folder
 * beside them first, and all are moved into place at the end, so a failure leaves no
 * half-written file and no partial set, and nothing waits in memory. `flag` names the option in
 * the one-line error a person sees.
 */
export function stage(folder: string, flag = '--out'): Staging {
  const fail = (error: unknown): never => {
    throw new InputError(`${flag}: cannot write to the folder "${folder}": ${reason(error)}`);
  };
  let staging = '';
  try {
    staging = mkdtempSync(join(folder, '.mme-'));
  } catch (error) {
    fail(error);
  }
  const names: string[] = [];
  const discard = () => rmSync(staging, { recursive: true, force: true });
  return {
    write(name, data) {
      try {
        writeFileSync(join(staging, name), data);
      } catch (error) {
        fail(error);
      }
      names.push(name);
    },
    async writeLater(name, data) {
      await writeFile(join(staging, name), data).catch(fail);
      names.push(name);
    },
    commit() {
      try {
        for (const name of names) renameSync(join(staging, name), join(folder, name));
      } catch (error) {
        fail(error);
      } finally {
        discard();
      }
    },
    discard,
  };
}

/** Writes `files` into `folder` all or nothing (see `stage`). */
export function writeAll(folder: string, files: readonly { name: string; data: string | Uint8Array }[], flag = '--out'): void {
  const staging = stage(folder, flag);
  try {
    for (const { name, data } of files) staging.write(name, data);
  } catch (error) {
    staging.discard();
    throw error;
  }
  staging.commit();
}

/** Checks that `file` can be written: its folder exists and it is not a folder itself. */
export function checkOutputFile(file: string, flag = '--out'): void {
  const folder = dirname(file);
  if (kindOf(folder) !== 'folder') throw new InputError(`${flag}: cannot write "${file}": the folder "${folder}" does not exist`);
  if (kindOf(file) === 'folder') throw new InputError(`${flag}: cannot write "${file}": it is a folder`);
}

/** Writes one file, all or nothing. */
export function writeOutputFile(file: string, data: string | Uint8Array, flag = '--out'): void {
  checkOutputFile(file, flag);
  writeAll(dirname(file), [{ name: basename(file), data }], flag);
}

/** Makes the output folder (and its parents) unless it exists; a file in its place is an error. */
export function makeOutputFolder(folder: string, flag = '--out'): void {
  const kind = kindOf(folder);
  if (kind === 'file') throw new InputError(`${flag}: "${folder}" is a file; give a folder to write the codes to`);
  if (kind === 'folder') return;
  try {
    // Without `recursive` when the parent exists: Node's recursive mkdir never returns for some
    // paths under /proc.
    mkdirSync(folder, { recursive: kindOf(dirname(folder)) !== 'folder' });
  } catch (error) {
    throw new InputError(`${flag}: cannot make the folder "${folder}": ${reason(error)}`);
  }
}

/** Reads a text file the person named, or says in one line why it cannot be read. */
export function readTextFile(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputError(`${basename(file)}: cannot read "${file}": ${reason(error)}`);
  }
}
