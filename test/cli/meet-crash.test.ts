// `circle meet --answers` killed with SIGKILL, at exact points of a draft write and at
// random moments: the draft must always parse and hold every answer acknowledged so far.
// A preload (test/fixtures/draft-writes.mjs) reports each completed rename of the draft
// and can crash the process just before or after one; the program has no test hook.
import { copyFileSync, existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadDraft } from '../../src/store/draft.js';
import { makeWorkspace, repoRoot, startCircle } from '../helpers.js';
import { cli } from '../harness.js';
import { ANSWERS } from './meet-answers.js';

const DATE = '2026-11-17';
const PRELOAD = join(repoRoot, 'test', 'fixtures', 'draft-writes.mjs');
const SEED = Number(process.env.CIRCLE_TEST_SEED ?? Date.now() % 1_000_000);

/** mulberry32: a small seeded generator, so a failing run can be repeated with CIRCLE_TEST_SEED. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What each answered step of ANSWERS must hold in the draft. */
const expected: Record<string, unknown> = {
  facilitator: ANSWERS.facilitator,
  attendance: ANSWERS.attendance,
  guests: ANSWERS.guests,
  newcomers: ANSWERS.newcomers,
  'introductions.Ana Souza.organization': 'Eastside Library',
  'reflect.Amara Okafor.changed': 'Four clear Fridays out of four.',
  'learning.notes': ANSWERS['learning.notes'],
  'next.José Álvarez.will_practice': 'Take one Friday afternoon off.',
  'next.topic': ANSWERS['next.topic'],
};

interface Outcome {
  acked: number;
  signal: NodeJS.Signals | null;
}

/** Run meet; kill it `delay` ms after the `after`-th acknowledgement, or let the preload crash it (`crashAt`). */
function runOnce(root: string, file: string, o: { after?: number; delay?: number; crashAt?: string }): Promise<Outcome> {
  return new Promise((resolve) => {
    const env = { CIRCLE_TODAY: DATE, NODE_OPTIONS: `--import=${PRELOAD}`, CRASH_AT_RENAME: o.crashAt };
    const child = startCircle(['meet', '--answers', file], { cwd: root, env });
    let acked = 0;
    let buffer = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      buffer += chunk;
      for (let nl = buffer.indexOf('\n'); nl >= 0; nl = buffer.indexOf('\n')) {
        if (/^ack \d+$/.test(buffer.slice(0, nl))) {
          acked += 1;
          if (acked === o.after) setTimeout(() => child.kill('SIGKILL'), o.delay ?? 0);
        }
        buffer = buffer.slice(nl + 1);
      }
    });
    child.on('close', (_code, signal) => resolve({ acked, signal }));
  });
}

function workspace() {
  const { root, circleDir } = makeWorkspace({ example: true });
  const file = join(root, 'answers.yaml');
  writeFileSync(file, stringify(ANSWERS));
  const members = join(root, 'members.orig.yaml');
  copyFileSync(join(circleDir, 'members.yaml'), members);
  const minutes = join(circleDir, 'meetings', `${DATE}.yaml`);
  const reset = () => {
    rmSync(join(circleDir, '.draft.yaml'), { force: true });
    rmSync(minutes, { force: true });
    copyFileSync(members, join(circleDir, 'members.yaml'));
    // The lock of a killed process stays behind: the next run must take it over.
  };
  return { root, circleDir, file, minutes, reset };
}

/** The draft parses and holds at least `acked` answers, each as given in ANSWERS. */
async function expectWhole(dir: string, acked: number, why: string): Promise<number> {
  const draft = await loadDraft(dir); // throws if the draft does not parse
  const answers = draft?.answers ?? {};
  expect(Object.keys(answers).length, why).toBeGreaterThanOrEqual(acked);
  for (const [id, value] of Object.entries(expected)) if (id in answers) expect(answers[id], `${why}: ${id}`).toEqual(value);
  return Object.keys(answers).length;
}

describe(`circle meet under kill -9 (seed ${SEED}; repeat with CIRCLE_TEST_SEED=${SEED})`, () => {
  it('loses nothing when killed just before or just after a write of the draft', async () => {
    const next = random(SEED);
    const w = workspace();
    for (let i = 0; i < 8; i++) {
      const n = 1 + Math.floor(next() * 40);
      const when = i % 2 ? 'after' : 'before';
      const why = `seed ${SEED}: crash ${when} write ${n}`;
      const r = await runOnce(w.root, w.file, { crashAt: `${n}:${when}` });
      expect(r.signal, why).toBe('SIGKILL');
      // Before the nth rename, n-1 answers are on disk; after it, n. Never more, never less.
      expect(await expectWhole(w.circleDir, n - (when === 'before' ? 1 : 0), why), why).toBe(n - (when === 'before' ? 1 : 0));
      expect(existsSync(w.minutes), why).toBe(false);
      if (i === 3) {
        // Resume from what the crash left: the meeting finishes whole.
        const resumed = await cli(['meet', '--resume', '--answers', w.file], { cwd: w.root, env: { CIRCLE_TODAY: DATE } });
        expect(resumed.code, `${why}: ${resumed.stderr}`).toBe(0);
        expect((await cli(['check'], { cwd: w.root })).code, why).toBe(0);
      }
      w.reset();
    }
    // A dead writer's temp file is swept by the next run.
    expect(readdirSync(w.circleDir).filter((f) => f.startsWith('.circle-tmp-')), `seed ${SEED}`).toEqual([]);
  }, 60_000);

  it('keeps every acknowledged answer when killed at random moments', async () => {
    const next = random(SEED + 1);
    const w = workspace();
    for (let i = 0; i < 10; i++) {
      const after = 1 + Math.floor(next() * 40);
      const delay = next() * 8;
      const why = `seed ${SEED}: kill ${delay.toFixed(1)} ms after ack ${after}`;
      const r = await runOnce(w.root, w.file, { after, delay });
      // Killed: the draft holds what was acknowledged. Finished first: the minutes replaced it.
      const finished = existsSync(w.minutes);
      const kept = finished ? Number.POSITIVE_INFINITY : await expectWhole(w.circleDir, r.acked, why);
      expect(kept, why).toBeGreaterThanOrEqual(r.acked);
      expect(existsSync(join(w.circleDir, '.draft.yaml')), why).toBe(!finished);
      w.reset();
    }
  }, 60_000);
});
