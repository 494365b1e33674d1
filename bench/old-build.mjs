// Earlier builds, for figures that compare with them in the same run: d0e0c1d (before the
// performance work) and c6668a9 (before issue 21). Each is built once from git, with
// that commit's own build script, into bench/.data/build-COMMIT/.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './lib.mjs';

export const OLD_COMMIT = 'd0e0c1d';
export const BEFORE_ISSUE_21 = 'c6668a9';

/** That build's bin/circle.js (built on first use). */
export async function oldBin(commit = OLD_COMMIT) {
  const dir = join(root, 'bench', '.data', `build-${commit}`);
  const bin = join(dir, 'bin', 'circle.js');
  if (existsSync(join(dir, 'dist', 'main.js'))) return bin;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  execFileSync('sh', ['-c', `git -C "${root}" archive ${commit} bin scripts src templates package.json package-lock.json | tar -x -C "${dir}"`]);
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  // The prompt library d0e0c1d used may no longer be installed; the memory commands never load it.
  const script = join(dir, 'scripts', 'build.mjs');
  writeFileSync(script, readFileSync(script, 'utf8').replace("external: ['pdfkit', 'dejavu-fonts-ttf']", "external: ['pdfkit', 'dejavu-fonts-ttf', '@inquirer/prompts']"));
  execFileSync(process.execPath, [script], { cwd: dir, stdio: 'inherit' });
  return bin;
}
