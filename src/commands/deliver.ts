// Where a printable result goes: stdout, or a file (--out FILE; PDFs always go to a
// file unless --out - asks for stdout, and never to a terminal).
import { resolve } from 'node:path';
import type { Context } from '../cli.js';
import { CircleError, UsageError } from '../errors.js';
import { writeOutputFile } from '../store/atomic.js';
import { refuseCircleData } from '../store/circle.js';
import { displayPath } from '../store/yaml-file.js';

const WRITE_ERRORS: Record<string, string> = {
  ENOENT: 'no such folder',
  ENOTDIR: 'part of the path is not a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the disk is read-only',
  ENOSPC: 'the disk is full',
};

export interface Destination {
  /** --out: a file, or "-" for stdout. */
  out?: string | undefined;
  /** The file to write when there is no --out (binary formats); stdout when absent. */
  defaultFile?: string | undefined;
}

export async function deliver(ctx: Context, content: string | Buffer, to: Destination): Promise<void> {
  const target = to.out ?? to.defaultFile;
  if (target === undefined || target === '-') {
    if (typeof content === 'string') return ctx.out.data(content);
    if (ctx.out.stdout.isTTY) throw new UsageError('this is a binary file, not for the terminal: pipe it (| lp) or write it with --out FILE');
    ctx.out.stdout.write(content);
    return;
  }
  if (!target.trim()) throw new UsageError('--out needs a file name, or - for stdout');
  const file = resolve(ctx.deps.cwd, target);
  await refuseCircleData(file, target);
  let written: boolean;
  try {
    written = await writeOutputFile(file, content);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    throw new CircleError(`cannot write ${target}: ${WRITE_ERRORS[code] ?? (error as Error).message}`);
  }
  if (!written) throw new UsageError(`${target} is a folder: give a file name, e.g. --out ${target.replace(/\/+$/, '')}/${to.defaultFile ?? 'out.md'}`);
  ctx.out.info(`Wrote ${displayPath(file, ctx.deps.cwd)}`);
}
