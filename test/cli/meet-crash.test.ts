// Kill `circle meet --answers` with SIGKILL at random points; after each kill the draft
// must parse and hold every answer the run acknowledged (CIRCLE_TRACE=1 prints
// "trace: saved <id>" only once the draft holding that answer is on disk).
import { copyFileSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadDraft } from '../../src/store/draft.js';
import { circle, makeWorkspace, startCircle } from '../helpers.js';
import { ANSWERS } from './meet-answers.js';

const KILLS = 50;
const WORKERS = 5;
const env = { CIRCLE_TODAY: '2026-11-17', CIRCLE_TRACE: '1' };

/** Run once and SIGKILL it after `after` acknowledgements (or after `delay` ms); returns the acknowledged ids. */
function runAndKill(root: string, file: string, after: number, delay: number): Promise<{ acked: string[]; killed: boolean }> {
  return new Promise((resolve) => {
    const child = startCircle(['meet', '--answers', file], { cwd: root, env });
    const acked: string[] = [];
    let buffer = '';
    let killed = false;
    const kill = () => {
      if (!killed && child.exitCode === null) killed = child.kill('SIGKILL');
    };
    if (after === 0) setTimeout(kill, delay);
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      buffer += chunk;
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        const m = /^trace: saved (.+)$/.exec(line);
        if (m) {
          acked.push(m[1]!);
          if (acked.length === after) setTimeout(kill, delay);
        }
      }
    });
    child.on('close', () => resolve({ acked, killed }));
  });
}

/** What each answered step of ANSWERS should hold in the draft. */
const expected: Record<string, unknown> = {
  facilitator: ANSWERS.facilitator,
  attendance: ANSWERS.attendance,
  guests: ANSWERS.guests,
  newcomers: ANSWERS.newcomers,
  'intro.Ana Souza.organization': 'Eastside Library',
  'reflect.Amara Okafor.changed': 'Four clear Fridays out of four.',
  'learning.notes': ANSWERS['learning.notes'],
  'next.José Álvarez.will_practice': 'Take one Friday afternoon off.',
  'next.topic': ANSWERS['next.topic'],
};

async function worker(n: number, kills: number): Promise<{ kills: number; acked: number; finished: number }> {
  const { root, circleDir } = makeWorkspace({ example: true });
  const file = join(root, 'answers.yaml');
  writeFileSync(file, stringify(ANSWERS));
  const members = join(root, 'members.orig.yaml');
  copyFileSync(join(circleDir, 'members.yaml'), members);
  let total = 0;
  let finished = 0;
  for (let i = 0; i < kills; i++) {
    // Mostly mid-run (after k acknowledged answers), sometimes early in start-up.
    const after = i % 5 === n % 5 ? 0 : 1 + Math.floor(Math.random() * 45);
    const { acked, killed } = await runAndKill(root, file, after, Math.random() * 8);
    const draft = await loadDraft(circleDir); // throws if the draft does not parse
    const minutes = join(circleDir, 'meetings', '2026-11-17.yaml');
    if (!killed || existsSync(minutes)) finished += 1;
    else {
      for (const id of acked) {
        expect(draft, `draft after ${acked.length} acknowledged answers`).toBeDefined();
        expect(Object.keys(draft!.answers)).toContain(id);
        if (id in expected) expect(draft!.answers[id]).toEqual(expected[id]);
      }
    }
    total += acked.length;
    // Every few kills, finish the interrupted meeting instead of starting over: resume is whole.
    if (i % 10 === 9 && draft && !existsSync(minutes)) {
      const r = circle(['meet', '--resume', '--answers', file], { cwd: root, env: { CIRCLE_TODAY: '2026-11-17' } });
      expect(r.code, r.stderr).toBe(0);
      expect(circle(['check'], { cwd: root }).code).toBe(0);
    }
    rmSync(join(circleDir, '.draft.yaml'), { force: true });
    rmSync(minutes, { force: true });
    copyFileSync(members, join(circleDir, 'members.yaml'));
    // The lock of the killed process stays behind: the next run must take it over.
  }
  return { kills, acked: total, finished };
}

describe('circle meet under kill -9', () => {
  it(`keeps every acknowledged answer across ${KILLS} kills`, async () => {
    const results = await Promise.all(Array.from({ length: WORKERS }, (_, n) => worker(n, KILLS / WORKERS)));
    const acked = results.reduce((s, r) => s + r.acked, 0);
    const finished = results.reduce((s, r) => s + r.finished, 0);
    expect(results.reduce((s, r) => s + r.kills, 0)).toBe(KILLS);
    expect(acked).toBeGreaterThan(KILLS * 5); // the kills did land mid-run
    expect(finished).toBeLessThan(KILLS / 2);
  }, 90_000);
});
