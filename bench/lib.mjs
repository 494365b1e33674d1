// Shared by the benchmarks: timing commands against `node -e 0`, with and without
// NODE_EXTRA_CA_CERTS, and generating circles with long histories.
//
// Node 20 reads the NODE_EXTRA_CA_CERTS bundle at every start (~85 ms on the machine
// this was written on), which a user's laptop does not. Every figure is measured both
// ways, "without" first, and each run of a command is paired with a run of `node -e 0`
// under the same conditions: × is the median of the one over the median of the other.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const root = resolve(import.meta.dirname, '..');
export const bin = join(root, 'bin', 'circle.js');

const CA = process.env.NODE_EXTRA_CA_CERTS ?? (existsSync('/etc/ssl/certs/ca-certificates.crt') ? '/etc/ssl/certs/ca-certificates.crt' : undefined);
const plain = { ...process.env, NO_COLOR: '1' };
delete plain.CIRCLE_HOME;
delete plain.NODE_EXTRA_CA_CERTS;

/** The two ways every figure is measured; "with" only where a certificate bundle exists. */
export const VARIANTS = [
  { id: 'without', env: plain },
  ...(CA ? [{ id: 'with', env: { ...plain, NODE_EXTRA_CA_CERTS: CA } }] : []),
];
export const CA_BUNDLE = CA;

/** Every figure measured in this process, for the table in RESULTS.md. */
export const results = [];
/** Every run of `node -e 0`, by variant. */
export const baselines = {};
let section = '';
export const startSection = (name) => {
  section = name;
  console.log(`\n# ${name}`);
};

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

export function spawnTimed(args, { cwd = root, env }) {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd, env, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 << 20 });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

export const fmtMs = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 100 ? 1 : 0)} ms`);
export const fmtX = (x) => `${x < 10 ? x.toFixed(2) : x.toFixed(1)}×`;

/**
 * Median wall time of `node args…` in each variant over `runs` runs, each run paired with
 * a run of `node -e 0`. `before` runs before every timed run (e.g. to remove a cache);
 * a warm-up run comes first unless `warmup` is false.
 */
export function measure(label, args, { runs = 15, cwd, before, warmup = true, variants = VARIANTS.map((v) => v.id), timeOne } = {}) {
  const used = VARIANTS.filter((v) => variants.includes(v.id));
  const one = timeOne ?? ((env) => spawnTimed(args, { cwd, env }));
  const samples = Object.fromEntries(used.map((v) => [v.id, { cmd: [], base: [] }]));
  if (warmup) for (const v of used) one(v.env);
  for (let i = 0; i < runs; i++) {
    for (const v of used) {
      samples[v.id].base.push(spawnTimed(['-e', '0'], { env: v.env }));
      before?.();
      samples[v.id].cmd.push(one(v.env));
    }
  }
  return record(label, runs, samples);
}

/** Keep and print one figure from its samples: { [variant]: { cmd: ms[], base: ms[] } }. */
export function record(label, runs, samples) {
  const row = { section, label, runs };
  for (const [id, s] of Object.entries(samples)) {
    (baselines[id] ??= []).push(...s.base);
    const ms = median(s.cmd);
    const base = median(s.base);
    row[id] = { ms, base, ratio: ms / base };
  }
  results.push(row);
  const cells = Object.keys(samples).map((id) => `${id}: ${fmtMs(row[id].ms).padStart(8)} ${fmtX(row[id].ratio).padStart(7)}`);
  console.log(`${label.padEnd(48)} ${cells.join('   ')}`);
  return row;
}

/** A line of derived figures (e.g. one time over another), kept for RESULTS.md. */
export function note(label, text) {
  results.push({ section, label, note: text });
  console.log(`${label.padEnd(48)} ${text}`);
}

const NAMES = ['Maria Lopez', 'Łucja Nowak', 'José Álvarez', 'Αλέξης Παππάς', 'Юлия Смирнова', 'Sam Okafor', 'Priya Raman', 'Tom Becker'];
const TOPICS = ['Outcome-based planning', 'Engaging volunteers', 'Board relations', 'Storytelling with data', 'Partnerships'];

/** Asked for at every meeting of a `recurring` workspace, and never learned. */
const RECURRING = ['Grant writing', 'Keeping volunteers'];

function meetingYaml(n, date, nextDate, recurring) {
  const present = NAMES.filter((_, i) => (n + i) % 5 !== 0);
  const topic = TOPICS[n % TOPICS.length];
  const lines = [`date: ${date}`, `number: ${n}`, `facilitator: ${NAMES[0]}`, 'attendance:', '  present:'];
  for (const p of present) lines.push(`    - ${p}`);
  lines.push('  guests: []', 'reflect:', '  members:');
  for (const p of present) {
    lines.push(`    - member: ${p}`, `      commitment: Try step ${n - 1} with my team`, `      tried: Ran a short session on ${topic.toLowerCase()} with staff`, '      surprised: People wanted more time to talk', '      changed: We now start meetings with one result we care about', '      new_issues: How to keep volunteers after the first month');
  }
  lines.push('  requests:', `    - topic: ${TOPICS[(n + 1) % TOPICS.length]}`, `      by: ${present[0]}`);
  if (recurring) for (const [i, topic] of RECURRING.entries()) lines.push(`    - topic: ${topic}`, `      by: ${present[(n + i) % present.length]}`);
  lines.push('learning:', '  format: speaker', `  topic: ${topic}`, '  speaker: A guest from the community foundation', '  notes: |', '    Long notes from the session, a paragraph of what was said and learned.', '    A second line of notes.', '  questions:', '    - How do we measure this?');
  lines.push('next:', '  members:');
  for (const p of present) {
    lines.push(`    - member: ${p}`, '      stood_out: The example from the food bank', `      will_practice: Try step ${n} with my team`, `      wants_to_learn: ${TOPICS[(n + 2) % TOPICS.length]}`);
  }
  lines.push(`  topic: ${TOPICS[(n + 1) % TOPICS.length]}`, '  speaker: To be confirmed', `  date: ${nextDate}`);
  return `${lines.join('\n')}\n`;
}

const iso = (d) => d.toISOString().slice(0, 10);

/**
 * A workspace with one circle of `count` weekly meetings (cached in bench/.data); with
 * `recurring`, the same requests at every meeting, never learned. Returns the workspace folder.
 */
export function generateWorkspace(count, { recurring = false, language = 'en' } = {}) {
  const ws = join(root, 'bench', '.data', `ws-${recurring ? 'recurring-' : ''}${language === 'en' ? '' : `${language}-`}${count}`);
  const dir = join(ws, 'circles', 'generated');
  if (existsSync(join(dir, '.complete'))) return ws;
  rmSync(ws, { recursive: true, force: true });
  mkdirSync(join(dir, 'meetings'), { recursive: true });
  const start = new Date(Date.UTC(2000, 0, 4)); // a Tuesday
  const day = (i) => iso(new Date(start.getTime() + i * 7 * 86400000));
  writeFileSync(
    join(dir, 'circle.yaml'),
    [
      'name: Generated Circle',
      ...(language === 'en' ? [] : [`language: ${language}`]), // older builds know no language:
      `created: ${day(0)}`,
      'purpose: A long history, for benchmarks.',
      'ground_rules:',
      '  - We talk about how we can.',
      'format:',
      '  sections:',
      '    - { id: reflect, title: Time to Reflect, minutes: 45 }',
      '    - { id: learning, title: Learning Together, minutes: 50 }',
      "    - { id: next, title: \"What's Next?\", minutes: 25 }",
      'schedule:',
      '  cadence: weekly on Tuesday',
      '  start: "18:00"',
      '  duration: 120',
      '  location: Community Hall',
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(dir, 'members.yaml'),
    `members:\n${NAMES.map((n) => `  - name: ${n}\n    organization: Org of ${n.split(' ')[0]}\n    joined: ${day(0)}\n`).join('')}`,
  );
  for (let i = 0; i < count; i++) writeFileSync(join(dir, 'meetings', `${day(i)}.yaml`), meetingYaml(i + 1, day(i), day(i + 1), recurring));
  writeFileSync(join(dir, '.complete'), '');
  return ws;
}

export const label = (n) => n.toLocaleString('en').replace(',', ' ');
