// The build before the performance work (commit d0e0c1d), for figures that compare
// with it in the same run. Built once from git into bench/.data/build-d0e0c1d/.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { root } from './lib.mjs';

export const OLD_COMMIT = 'd0e0c1d';

/** The old build's bin/circle.js (built on first use). */
export async function oldBin() {
  const dir = join(root, 'bench', '.data', `build-${OLD_COMMIT}`);
  const bin = join(dir, 'bin', 'circle.js');
  if (existsSync(join(dir, 'dist', 'main.js'))) return bin;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'bin'), { recursive: true });
  execFileSync('sh', ['-c', `git -C "${root}" archive ${OLD_COMMIT} src templates package.json | tar -x -C "${dir}"`]);
  writeFileSync(bin, "#!/usr/bin/env node\nimport '../dist/main.js';\n");
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  // The options of that commit's scripts/build.mjs; the prompt library it used may no
  // longer be installed, and the memory commands never load it.
  await build({
    absWorkingDir: dir,
    entryPoints: { main: 'src/main.ts', 'parse-worker': 'src/store/parse-worker.ts' },
    outdir: 'dist',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    minifySyntax: true,
    minifyWhitespace: true,
    external: ['pdfkit', 'dejavu-fonts-ttf', '@inquirer/prompts'],
    banner: { js: "import{createRequire}from'node:module';const require=createRequire(import.meta.url);" },
    logLevel: 'warning',
  });
  return bin;
}
