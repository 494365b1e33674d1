// The git merge driver for a circle's YAML files (circle.yaml, members.yaml, the
// meetings): registered in a workspace (.gitattributes plus the local git config),
// and run by git on a merge.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as z from 'zod';
import { unlessMissing } from '../errors.js';
import { writeFileAtomic } from './atomic.js';
import { bothVersions } from './conflict-markers.js';
import { git, insideWorkTree } from './git.js';
import { templatePath } from './templates.js';
import { editedText } from './yaml-write.js';
import { mergeYaml } from './yaml-merge.js';

const DRIVER = 'circle-yaml';

const ATTRIBUTES_HEADER = "# circle: merge the circles' YAML files field by field and member by member (see `circle sync`)";
const ATTRIBUTES = ['circle.yaml', 'members.yaml', 'meetings/*.yaml'].map((f) => `circles/*/${f} merge=${DRIVER}`);

/** A word for sh: git runs the driver through the shell. */
const shellWord = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** This program by absolute path (node and bin/circle.js), so git finds it with or without `circle` on PATH. */
function driverCommand(): string {
  const bin = join(dirname(templatePath('circle.yaml')), '..', 'bin', 'circle.js');
  return `${shellWord(process.execPath)} ${shellWord(bin)} merge-file %O %A %B %P`;
}

/**
 * Make git merge the circles' YAML files with `circle merge-file`: the lines in the
 * workspace's .gitattributes (travels with the workspace) and the driver in the
 * repository's own config (each clone's, set again on every `circle sync`).
 * Returns the files written (.gitattributes when it changed); nothing outside a git work tree.
 */
export async function registerMergeDriver(root: string, env: NodeJS.ProcessEnv): Promise<string[]> {
  if (!(await insideWorkTree(root, env))) return [];
  const settings: Array<[string, string]> = [
    [`merge.${DRIVER}.name`, "circle: the circles' YAML files by field and by member"],
    [`merge.${DRIVER}.driver`, driverCommand()],
  ];
  // What is set now, in one git run: -z gives "key<LF>value<NUL>" each.
  const now = await git(root, ['config', '--local', '-z', '--get-regexp', `^merge\\.${DRIVER}\\.`], env).catch(() => '');
  const set = new Map(now.split('\0').filter(Boolean).map((entry) => [entry.slice(0, entry.indexOf('\n')), entry.slice(entry.indexOf('\n') + 1)]));
  for (const [key, value] of settings) if (set.get(key) !== value) await git(root, ['config', '--local', key, value], env);

  const file = join(root, '.gitattributes');
  const text = (await unlessMissing(readFile(file, 'utf8'))) ?? '';
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  const missing = ATTRIBUTES.filter((l) => !lines.includes(l));
  if (!missing.length) return [];
  const head = text && !text.endsWith('\n') ? `${text}\n` : text;
  await writeFileAtomic(file, `${head}${lines.includes(ATTRIBUTES_HEADER) ? '' : `${ATTRIBUTES_HEADER}\n`}${missing.join('\n')}\n`);
  return [file];
}

interface DriverResult {
  /** Places both sides changed, each their own way (marked in the file). */
  conflicts: string[];
  /** False when a version was not readable YAML and git's line merge was used instead. */
  structural: boolean;
}

/** As git asks of a merge driver: `theirs` merged into the `ours` file (both edits of `base`), conflict markers named by `labels`. */
export async function mergeFiles(
  paths: { base: string; ours: string; theirs: string },
  labels: [string, string],
  env: NodeJS.ProcessEnv,
): Promise<DriverResult> {
  const [base, ours, theirs] = (await Promise.all([paths.base, paths.ours, paths.theirs].map((p) => readFile(p, 'utf8')))) as [string, string, string];
  // Both versions whole, one above the other: for two records of one meeting written
  // from nothing (rather than interleave them), and for a merge that could not be made.
  const both = async (why: string): Promise<DriverResult> => {
    await writeFile(paths.ours, bothVersions(ours, theirs, labels));
    return { conflicts: [why], structural: false };
  };
  if (!base.trim()) return both('written on both sides');
  const render = (doc: Parameters<typeof editedText>[0]['doc'], original: string) =>
    editedText({ path: paths.ours, text: original, doc, data: doc.toJS(), schema: z.unknown() });
  let merged: ReturnType<typeof mergeYaml>;
  try {
    merged = mergeYaml(base, ours, theirs, render);
  } catch (error) {
    // The merged document does not render (an alias whose anchor the other side changed, say).
    return both(`could not be merged part by part (${(error as Error).message.split('\n')[0]}); the file holds both versions whole`);
  }
  if (merged && !merged.conflicts.length) {
    await writeFile(paths.ours, merged.texts.ours);
    return { conflicts: [], structural: true };
  }
  // Let git's own line merge mark what differs: between the three renderings of the
  // merge that is only the conflicts; between unreadable versions, whatever differs.
  const dir = await mkdtemp(join(tmpdir(), 'circle-merge-'));
  try {
    const files = { ours: join(dir, 'ours'), base: join(dir, 'base'), theirs: join(dir, 'theirs') };
    const texts = merged?.texts ?? { ours, base, theirs };
    await Promise.all((['ours', 'base', 'theirs'] as const).map((side) => writeFile(files[side], texts[side])));
    const args = ['merge-file', '-p', '-L', labels[0], '-L', 'base', '-L', labels[1], files.ours, files.base, files.theirs];
    let text: string;
    let marked = 0;
    try {
      text = await git(dir, args, env);
    } catch (error) {
      const e = error as { code?: number; stdout?: string };
      if (typeof e.code !== 'number' || e.code < 0 || e.code > 127 || e.stdout === undefined) throw error;
      [text, marked] = [e.stdout, e.code]; // the exit code is the number of conflicts
    }
    await writeFile(paths.ours, text);
    const conflicts = merged?.conflicts ?? (marked ? ['lines changed on both sides (the file is not readable YAML)'] : []);
    return { conflicts, structural: merged !== undefined };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
