// Shared by the benchmarks: timing commands against `node -e 0` measured in the same
// run, and generating circles with long histories.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const root = resolve(import.meta.dirname, '..');
export const bin = join(root, 'bin', 'circle.js');
const env = { ...process.env, NO_COLOR: '1', CIRCLE_HOME: undefined };

/** Median wall time in ms of `node args…` over `runs` runs (after one warm-up). */
export function time(args, { runs = 15, cwd = root } = {}) {
  const once = () => {
    const t = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
    if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
    return Number(process.hrtime.bigint() - t) / 1e6;
  };
  once();
  const samples = Array.from({ length: runs }, once).sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

let base;
/** `node -e 0`: the floor every figure is compared with. */
export function baseline() {
  base ??= time(['-e', '0'], { runs: 21 });
  return base;
}

/** Print one figure as a ratio to the baseline. */
export function report(label, ms) {
  const ratio = ms / baseline();
  console.log(`${label.padEnd(44)} ${ms.toFixed(1).padStart(8)} ms  ${ratio.toFixed(2).padStart(6)}× node -e 0`);
  return ratio;
}

const NAMES = ['Maria Lopez', 'Łucja Nowak', 'José Álvarez', 'Αλέξης Παππάς', 'Юлия Смирнова', 'Sam Okafor', 'Priya Raman', 'Tom Becker'];
const TOPICS = ['Outcome-based planning', 'Engaging volunteers', 'Board relations', 'Storytelling with data', 'Partnerships'];

function meetingYaml(n, date, nextDate) {
  const present = NAMES.filter((_, i) => (n + i) % 5 !== 0);
  const topic = TOPICS[n % TOPICS.length];
  const lines = [`date: ${date}`, `number: ${n}`, `facilitator: ${NAMES[0]}`, 'attendance:', '  present:'];
  for (const p of present) lines.push(`    - ${p}`);
  lines.push('  guests: []', 'reflect:', '  members:');
  for (const p of present) {
    lines.push(`    - member: ${p}`, `      commitment: Try step ${n - 1} with my team`, `      tried: Ran a short session on ${topic.toLowerCase()} with staff`, '      surprised: People wanted more time to talk', '      changed: We now start meetings with one result we care about', '      new_issues: How to keep volunteers after the first month');
  }
  lines.push('  requests:', `    - topic: ${TOPICS[(n + 1) % TOPICS.length]}`, `      by: ${present[0]}`);
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
 * A workspace with one circle of `count` weekly meetings (cached in bench/.data).
 * Returns the workspace folder.
 */
export function generateWorkspace(count) {
  const ws = join(root, 'bench', '.data', `ws-${count}`);
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
  for (let i = 0; i < count; i++) writeFileSync(join(dir, 'meetings', `${day(i)}.yaml`), meetingYaml(i + 1, day(i), day(i + 1)));
  writeFileSync(join(dir, '.complete'), '');
  return ws;
}
