// Reading and writing the user's files for the desktop's Open and Save dialogs, and the app's own
// files under userData. Node only (no 'electron'), so main/desktop-files.test.ts runs it on a
// temporary folder. Sizes are checked before a byte is read, with the renderer's own messages.
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Result } from '../common/api';
import { saveFormats, type OpenKind, type OpenResult, type SaveKind } from '../common/desktop-api';
import { limits } from '../common/limits';
import { sessionFileTooLarge } from '../common/session-file';

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT') return 'the file no longer exists';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder';
  return error instanceof Error ? error.message : String(error);
}

/** Why a file of `bytes` is refused for `kind` before it is read, or null. */
export function tooLarge(kind: OpenKind, bytes: number): string | null {
  if (kind === 'session') return sessionFileTooLarge(bytes);
  return bytes > limits.maxFileBytes
    ? `program file is too large: ${bytes} bytes, at most ${limits.maxFileBytes}`
    : null;
}

/** Reads a file the user chose, refusing one too large for its kind. */
export async function readUserFile(kind: OpenKind, path: string): Promise<OpenResult> {
  const name = basename(path);
  const refuse = (error: string): OpenResult => ({ ok: false, kind, name, error });
  try {
    const info = await stat(path);
    if (!info.isFile()) return refuse('not a file');
    const large = tooLarge(kind, info.size);
    if (large) return refuse(large);
    return { ok: true, value: { kind, name, path, text: await readFile(path, 'utf8') } };
  } catch (error) {
    return refuse(`could not read the file: ${reason(error)}`);
  }
}

/**
 * A suggested name the Save dialog can show: no folders, no characters a file system refuses,
 * and the ending of its kind.
 */
export function saveName(kind: SaveKind, suggested: string): string {
  const { ending } = saveFormats[kind];
  const cleaned = (suggested.split(/[\\/]/).pop() ?? '')
    .replace(/[:*?"<>|\p{Cc}]+/gu, '_')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(0, 200);
  const name = cleaned || 'gil-lab';
  return name.toLowerCase().endsWith(ending) ? name : `${name}${ending}`;
}

/** The path a Save dialog answered, with its kind's ending added when the user typed a name without one. */
export function withEnding(kind: SaveKind, path: string): string {
  return basename(path).includes('.') ? path : `${path}${saveFormats[kind].ending}`;
}

/** Writes through a temporary file in the same folder, so a crash never leaves half a file. */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = join(dirname(path), `.${basename(path)}.${randomUUID()}.tmp`);
  try {
    await writeFile(temporary, data);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** Writes a file the user chose in a Save dialog. */
export async function writeUserFile(path: string, data: string | Uint8Array): Promise<Result<{ path: string }>> {
  try {
    await writeFileAtomic(path, data);
    return { ok: true, value: { path } };
  } catch (error) {
    return { ok: false, error: `could not save ${basename(path)}: ${reason(error)}` };
  }
}

/** An app file's text, or null when it does not exist; one too large is treated as missing, with a note. */
export async function readAppFile(path: string, maxBytes: number): Promise<string | null> {
  try {
    const info = await stat(path);
    if (info.size > maxBytes) {
      console.warn(`GIL Lab: ${path} ignored: ${info.size} bytes, at most ${maxBytes}`);
      return null;
    }
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') console.warn(`GIL Lab: ${path} ignored: ${reason(error)}`);
    return null;
  }
}
