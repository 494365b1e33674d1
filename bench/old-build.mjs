// The build before the performance work (commit d0e0c1d), for figures that compare
// with it in the same run. Built once from git, with that commit's own build script,
// into bench/.data/build-d0e0c1d/.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './lib.mjs';

export const OLD_COMMIT = 'd0e0c1d';

/** The old build's bin/circle.js (built on first use). */
export async function oldBin() {
  const dir = join(root, 'bench', '.data', `build-${OLD_COMMIT}`);
  const bin = join(dir, 'bin', 'circle.js');
  if (existsSync(join(dir, 'dist', 'main.js'))) return bin;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  execFileSync('sh', ['-c', `git -C "${root}" archive ${OLD_COMMIT} bin scripts src templates package.json | tar -x -C "${dir}"`]);
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  // The prompt library it used may no longer be installed; the memory commands never load it.
  const script = join(dir, 'scripts', 'build.mjs');
  writeFileSync(script, readFileSync(script, 'utf8').replace("external: ['pdfkit', 'dejavu-fonts-ttf']", "external: ['pdfkit', 'dejavu-fonts-ttf', '@inquirer/prompts']"));
  execFileSync(process.execPath, [script], { cwd: dir, stdio: 'inherit' });
  return bin;
}
