// Where the circles live: finding the workspace and choosing the circle.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { isSlug } from '../core/slug.js';
import { DataError, displayPath, NotFoundError, UsageError } from '../errors.js';

interface WorkspaceQuery {
  /** --home */
  home?: string | undefined;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export interface Workspace {
  root: string;
  circlesDir: string;
}

function isDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** --home, else $CIRCLE_HOME, else the nearest folder upward that holds circles/. */
export function findWorkspace(q: WorkspaceQuery): Workspace | undefined {
  const given = q.home ?? (q.env.CIRCLE_HOME || undefined);
  if (given !== undefined) {
    const root = resolve(q.cwd, given);
    if (!isDir(root)) {
      const from = q.home !== undefined ? '--home' : '$CIRCLE_HOME';
      throw new UsageError(`${from} ${given}: no such folder`);
    }
    return { root, circlesDir: join(root, 'circles') };
  }
  for (let dir = resolve(q.cwd); ; dir = dirname(dir)) {
    const circlesDir = join(dir, 'circles');
    if (isDir(circlesDir)) return { root: dir, circlesDir };
    if (dirname(dir) === dir) return undefined;
  }
}

export function requireWorkspace(q: WorkspaceQuery): Workspace {
  const ws = findWorkspace(q);
  if (!ws) {
    throw new NotFoundError(
      `no circles/ folder here or in any folder above ${q.cwd}.\n` +
        'Start one with `circle init "Name of the circle"`, or point to a workspace with --home DIR or $CIRCLE_HOME.',
    );
  }
  return ws;
}

/** The folders under circles/ with a circle's name: those with a circle.yaml, and those without one. */
async function circleFolders(ws: Workspace): Promise<{ slugs: string[]; incomplete: string[] }> {
  let names: string[];
  try {
    names = readdirSync(ws.circlesDir, { withFileTypes: true }).filter((e) => e.isDirectory() && isSlug(e.name)).map((e) => e.name);
  } catch {
    return { slugs: [], incomplete: [] };
  }
  const slugs: string[] = [];
  const incomplete: string[] = [];
  for (const n of names.sort()) {
    const dir = join(ws.circlesDir, n);
    const complete = existsSync(join(dir, 'circle.yaml')) || (await rewritten(dir));
    (complete ? slugs : incomplete).push(n);
  }
  return { slugs, incomplete };
}

/** A circle.yaml missing while another command (a sync) holds the folder's write lock: back once it lets go? */
async function rewritten(dir: string): Promise<boolean> {
  const { waitForWriters } = await import('./lock.js');
  return (await waitForWriters(dir)) && existsSync(join(dir, 'circle.yaml'));
}

/** Slugs of the folders under circles/ that hold a circle.yaml, sorted. */
export async function listCircleSlugs(ws: Workspace): Promise<string[]> {
  return (await circleFolders(ws)).slugs;
}

/** A circle folder without its circle.yaml is a data problem that names the file. */
function noCircleYaml(ws: Workspace, slugs: string[]): DataError {
  const message = 'circle.yaml is missing: every circle folder needs one (`circle init` writes it)';
  return new DataError(slugs.map((slug) => ({ file: displayPath(join(ws.circlesDir, slug, 'circle.yaml')), line: 1, col: 1, message })));
}

/** Refuse anything that is not a plain slug, so no value can reach outside circles/. */
export function checkSlug(value: string, what = '--circle'): string {
  if (!isSlug(value)) {
    throw new UsageError(
      `${what} "${value}" is not a circle name: use lower-case letters, digits and '-' (e.g. eastside-youth-workers)`,
    );
  }
  return value;
}

export function circleDir(ws: Workspace, slug: string): string {
  return join(ws.circlesDir, checkSlug(slug));
}

/** --circle (`q.circle`), else the circle folder you stand in, else the only one, else an error listing them. */
export async function resolveCircle(ws: Workspace, q: { circle?: string | undefined; cwd: string }): Promise<string> {
  const { slugs, incomplete } = await circleFolders(ws);
  if (q.circle !== undefined) {
    const slug = checkSlug(q.circle);
    if (incomplete.includes(slug)) throw noCircleYaml(ws, [slug]);
    if (!slugs.includes(slug)) {
      const known = slugs.length ? ` Circles here: ${slugs.join(', ')}.` : ' There are no circles here yet.';
      throw new NotFoundError(`no circle "${slug}" in ${ws.circlesDir}.${known}`);
    }
    return slug;
  }
  const rel = relative(ws.circlesDir, resolve(q.cwd));
  if (rel && !rel.startsWith('..') && !isAbsolute(rel)) {
    const first = rel.split(sep)[0]!;
    if (slugs.includes(first)) return first;
    if (incomplete.includes(first)) throw noCircleYaml(ws, [first]);
  }
  if (slugs.length === 1) return slugs[0]!;
  if (slugs.length === 0) {
    if (incomplete.length) throw noCircleYaml(ws, incomplete);
    throw new NotFoundError(`no circles in ${ws.circlesDir} yet. Start one with \`circle init "Name of the circle"\`.`);
  }
  throw new UsageError(
    `there are ${slugs.length} circles here; choose one with --circle:\n${slugs.map((s) => `  ${s}`).join('\n')}`,
  );
}
