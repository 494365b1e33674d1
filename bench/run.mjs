// npm run bench [part]: every bench/*.bench.mjs (or those whose name contains `part`).
// A full run also checks the goals and writes bench/RESULTS.md.
import { availableParallelism, cpus, release, totalmem, type } from 'node:os';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { baselines, CA_BUNDLE, fmtMs, fmtX, median, results, root, startSection, VARIANTS } from './lib.mjs';

const only = process.argv[2];
const parts = readdirSync(import.meta.dirname)
  .filter((f) => f.endsWith('.bench.mjs') && (!only || f.includes(only)))
  .sort();
if (!parts.length) throw new Error(`no bench part matches "${only}"`);
const machine = `${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${availableParallelism()} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GB, ${type()} ${release()}; Node ${process.version}`;
console.log(`${machine}\n× = median time / median time of \`node -e 0\` runs paired with it; "with" sets NODE_EXTRA_CA_CERTS=${CA_BUNDLE ?? '(none here)'}`);
for (const file of parts) {
  startSection(file.replace('.bench.mjs', ''));
  await (await import(`./${file}`)).default();
}

const find = (label) => results.find((r) => r.label === label);
const goal = (what, target, value, met, shown) => ({ what, target, value: shown ?? value, met });
/** The goals of issue 12, measured without NODE_EXTRA_CA_CERTS. */
const goals = [];
for (const [label, max] of [
  ['circle --help', 1.3],
  ['circle --version', 1.3],
  ['circle agenda (10 meetings)', 2.0],
  ['circle meet, launch to first question (tmux)', 2.0],
  ['history, 3 000 meetings, warm', 4.0],
]) {
  const r = find(label);
  if (r) goals.push(goal(label, `≤ ${fmtX(max)}`, r.without.ratio, r.without.ratio <= max, fmtX(r.without.ratio)));
}
const [small, large] = [find('circle agenda (10 meetings)'), find('circle agenda (10 000 meetings)')];
if (small && large) {
  const x = large.without.ms / small.without.ms;
  goals.push(goal('agenda, 10 000 meetings / 10 meetings', '≤ 1.15×', x, x <= 1.15, fmtX(x)));
}
const [now, then] = [find('history, 10 000 meetings, cold (again)'), results.find((r) => r.label.startsWith('history, 10 000 meetings, cold, build '))];
if (now && then) {
  const x = then.without.ms / now.without.ms;
  goals.push(goal(`history, 10 000 meetings, cold: ${then.label.split('build ')[1]} / this build`, '≥ 5×', x, x >= 5, `${fmtX(x)} faster (${fmtMs(then.without.ms)} → ${fmtMs(now.without.ms)})`));
}
const [fewAsks, manyAsks] = [find('circle agenda (6 meetings, recurring requests)'), find('circle agenda (3 000 meetings, recurring requests)')];
if (fewAsks && manyAsks) {
  const x = manyAsks.without.ms / fewAsks.without.ms;
  goals.push(goal('agenda, recurring requests, 3 000 meetings / 6 meetings', '≤ 1.15×', x, x <= 1.15, fmtX(x)));
}
const checkWarm = find('circle check (1 000 meetings), warm');
if (checkWarm) goals.push(goal('check, 1 000 meetings, warm', '≤ 0.3 s', checkWarm.without.ms, checkWarm.without.ms <= 300, fmtMs(checkWarm.without.ms)));
const practice = find('practice, 10 000 meetings, warm');
if (practice) goals.push(goal('practice, 10 000 meetings, warm', '≤ 0.5 s', practice.without.ms, practice.without.ms <= 500, fmtMs(practice.without.ms)));

if (goals.length) {
  console.log('\n# goals (without NODE_EXTRA_CA_CERTS)');
  for (const g of goals) console.log(`${g.what.padEnd(56)} ${g.value.padStart(10)}  goal ${g.target}  ${g.met ? 'met' : 'NOT MET'}`);
}
const base = Object.fromEntries(Object.entries(baselines).map(([id, xs]) => [id, median(xs)]));
console.log(`\nnode -e 0: ${VARIANTS.map((v) => `${fmtMs(base[v.id])} ${v.id}`).join(', ')} NODE_EXTRA_CA_CERTS (median of all ${baselines.without.length} paired runs)`);

if (only) {
  console.log('(one part only: bench/RESULTS.md is written by a full `npm run bench`)');
} else {
  const ids = VARIANTS.map((v) => v.id);
  const lines = [
    '# Benchmark results',
    '',
    `Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC.`,
    '',
    `- Machine: ${machine}`,
    `- \`node -e 0\`: ${VARIANTS.map((v) => `${fmtMs(base[v.id])} ${v.id} NODE_EXTRA_CA_CERTS`).join(', ')} (median of every paired run)`,
    `- × is a figure's median time over the median of the \`node -e 0\` runs paired with its runs (each run of the command`,
    `  follows one of \`node -e 0\` under the same conditions). "with" sets NODE_EXTRA_CA_CERTS=${CA_BUNDLE ?? '(none on this machine)'}, which makes`,
    '  Node read a certificate bundle at every start; most machines do not set it, so "without" is the figure to quote.',
    '',
  ];
  if (goals.length) {
    lines.push('## Goals (without NODE_EXTRA_CA_CERTS)', '', '| goal | measured | target | |', '|---|---:|---:|---|');
    for (const g of goals) lines.push(`| ${g.what} | ${g.value} | ${g.target} | ${g.met ? 'met' : '**not met**'} |`);
    lines.push('');
  }
  for (const s of [...new Set(results.map((r) => r.section))]) {
    lines.push(`## ${s}`, '', `| figure | runs | ${ids.map((id) => `${id} | ×`).join(' | ')} |`, `|---|---:|${ids.map(() => '---:|---:').join('|')}|`);
    for (const r of results.filter((x) => x.section === s)) {
      if (r.note) lines.push(`| ${r.label} | | ${r.note} |${' |'.repeat(2 * ids.length - 1)}`);
      else lines.push(`| ${r.label} | ${r.runs} | ${ids.map((id) => (r[id] ? `${fmtMs(r[id].ms)} | ${fmtX(r[id].ratio)}` : '– | –')).join(' | ')} |`);
    }
    lines.push('');
  }
  writeFileSync(join(root, 'bench', 'RESULTS.md'), lines.join('\n'));
  console.log('written: bench/RESULTS.md');
}
