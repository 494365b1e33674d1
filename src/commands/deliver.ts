// Where a printable result goes: stdout, or a file (--out FILE; PDFs always go to a
// file unless --out - asks for stdout, and never to a terminal).
import { resolve } from 'node:path';
import type { Context } from '../cli.js';
import { CircleError, UsageError } from '../errors.js';
import { writeFileAtomic } from '../store/atomic.js';
import { displayPath } from '../store/yaml-file.js';

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
  const file = resolve(ctx.deps.cwd, target);
  try {
    await writeFileAtomic(file, content);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such folder' : (error as Error).message;
    throw new CircleError(`cannot write ${target}: ${reason}`);
  }
  ctx.out.info(`Wrote ${displayPath(file, ctx.deps.cwd)}`);
}
