// Installed like any CLI: `npm pack`, `npm install -g` of the tarball under a temporary
// prefix, then the README's "Your own circle" steps exactly as written.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { git, repoRoot, tempDir, testEnv } from '../helpers.js';

/** The shell blocks of a README section. */
function readmeBlocks(heading: string): string[] {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  const at = readme.indexOf(`\n## ${heading}\n`);
  expect(at, `README has no "## ${heading}"`).toBeGreaterThan(0);
  const section = readme.slice(at + 1).split(/\n## /)[0]!;
  return [...section.matchAll(/```sh\n([^]*?)```/g)].map((m) => m[1]!);
}

function npm(args: string[], cwd: string) {
  // npm gets the real environment (its cache, registry and proxy settings).
  const r = spawnSync('npm', [...args, '--no-audit', '--no-fund', '--no-update-notifier'], { cwd, encoding: 'utf8', timeout: 180_000 });
  expect(r.status, `npm ${args.join(' ')}: ${r.stderr}`).toBe(0);
  return r;
}

describe('installing the packed package', () => {
  it("installs without a warning, ships only what runs, and the README's own-workspace and sharing steps run as written", () => {
    const tmp = tempDir('circle-install-');
    // dist/ is built before the tests; pack must not rebuild it under the other test files.
    const packed = npm(['pack', '--silent', '--ignore-scripts', '--pack-destination', tmp], repoRoot);
    const name = packed.stdout.trim().split('\n').at(-1)!;
    const tarball = join(tmp, name);
    // The README installs the tarball that `npm pack` writes, by its name.
    expect(readmeBlocks('Installing').join('\n')).toContain(`npm install -g ./${name}\n`);
    const prefix = join(tmp, 'prefix');
    const install = npm(['install', '--global', '--prefix', prefix, '--prefer-offline', tarball], tmp);
    expect(install.stderr).not.toMatch(/warn/i);

    const pkg = join(prefix, 'lib', 'node_modules', '@learning-circles', 'circle');
    expect(existsSync(join(pkg, 'LICENSE'))).toBe(true);
    // dist/ bundles every library, so nothing else is installed; of the fonts, the two the
    // PDFs use and their licence. No source maps, nothing only the tests read.
    expect(existsSync(join(pkg, 'node_modules'))).toBe(false);
    expect(readdirSync(join(pkg, 'dist', 'fonts')).sort()).toEqual(['DejaVuSans-Bold.ttf', 'DejaVuSans.ttf', 'LICENSE']);
    expect(readdirSync(join(pkg, 'dist')).filter((n) => n.endsWith('.map') || n === 'meta.json')).toEqual([]);
    const size = (dir: string): number => readdirSync(dir, { withFileTypes: true }).reduce((sum, e) => sum + (e.isDirectory() ? size(join(dir, e.name)) : statSync(join(dir, e.name)).size), 0);
    expect(size(prefix)).toBeLessThan(25_000_000);

    // A new workspace in its own folder, with only the installed `circle` on PATH.
    const [steps] = readmeBlocks('Your own circle') as [string];
    expect(steps).toMatch(/^circle meet$/m);
    const answers = join(tmp, 'answers.yaml');
    writeFileSync(answers, 'facilitator: Ana Souza\nnext.topic: Keeping volunteers\n');
    const home = join(tmp, 'home');
    mkdirSync(home);
    const env = testEnv({ PATH: `${join(prefix, 'bin')}:${process.env.PATH}`, CIRCLE_TODAY: '2026-11-10' });
    const which = spawnSync('sh', ['-c', 'command -v circle'], { env, encoding: 'utf8' });
    expect(which.stdout.trim()).toBe(join(prefix, 'bin', 'circle'));
    // No terminal here: the meeting's answers come from a file, as the README says.
    const script = `set -e\n${steps.replace(/^circle meet$/m, `circle meet --answers '${answers}'`)}`;
    const r = spawnSync('sh', ['-c', script], { cwd: home, env, encoding: 'utf8', timeout: 60_000 });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('# Eastside Youth Workers'); // the agenda, Markdown in a pipe

    const workspace = join(home, 'eastside-circle');
    const circle = join(workspace, 'circles', 'eastside-youth-workers');
    expect(readFileSync(join(circle, 'members.yaml'), 'utf8')).toContain('- name: Ana Souza');
    expect(readFileSync(join(circle, 'meetings', '2026-11-10.yaml'), 'utf8')).toContain('topic: Keeping volunteers');
    expect(git(workspace, 'log', '--format=%s')).toContain('minutes: Eastside Youth Workers 2026-11-10');
    expect(git(workspace, 'config', '--get', 'merge.circle-yaml.driver')).toContain(join(pkg, 'bin', 'circle.js'));
    expect(readFileSync(join(workspace, '.gitattributes'), 'utf8')).toContain('circles/*/members.yaml merge=circle-yaml');
    const check = spawnSync('circle', ['check'], { cwd: workspace, env, encoding: 'utf8' });
    expect(check.status, check.stderr).toBe(0);

    // "Sharing a circle with co-facilitators", with a bare repository for the shared one.
    const [share, join_] = readmeBlocks('Sharing a circle with co-facilitators') as [string, string];
    const url = 'git@example.org:eastside/circle.git';
    expect(share).toContain(url);
    const shared = join(tmp, 'shared.git');
    git(tmp, 'init', '--quiet', '--bare', '--initial-branch=main', shared);
    git(workspace, 'branch', '-M', 'main');
    const sh = (text: string, cwd: string) => spawnSync('sh', ['-c', `set -e\n${text.replaceAll(url, shared)}`], { cwd, env, encoding: 'utf8', timeout: 60_000 });
    const sent = sh(share, workspace);
    expect(sent.status, sent.stderr).toBe(0);
    const other = join(tmp, 'co-facilitator');
    mkdirSync(other);
    const joined = sh(join_, other);
    expect(joined.status, joined.stderr).toBe(0);
    expect(readdirSync(join(other, 'eastside-circle', 'circles', 'eastside-youth-workers', 'meetings'))).toContain('2026-11-10.yaml');
    expect(git(join(other, 'eastside-circle'), 'config', '--get', 'merge.circle-yaml.driver')).toContain(join(pkg, 'bin', 'circle.js'));
  }, 300_000);
});
