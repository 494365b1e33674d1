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

const find = (label) => results.find((r) => r.label === label && !r.note);
const goal = (what, target, value, met, shown) => ({ what, target, value: shown ?? value, met });
/**
 * The goals of issue 21, measured without NODE_EXTRA_CA_CERTS. Each reads the figures by
 * their labels (below); a figure not measured in this run is said to be missing.
 */
const goals = [];
const missing = (what, target, labels) => goals.push(goal(what, target, 0, false, `not measured (${labels.join(', ')})`));
for (const [label, max] of [
  ['circle agenda (10 meetings)', 2.0],
  ['circle --help', 1.6],
  ['circle meet, launch to first question (tmux)', 3.0],
  ['history, 3 000 meetings, warm', 6.0],
]) {
  const r = find(label);
  if (r) goals.push(goal(label, `≤ ${fmtX(max)}`, r.without.ratio, r.without.ratio <= max, fmtX(r.without.ratio)));
  else if (!only) missing(label, `≤ ${fmtX(max)}`, [label]);
}
// agenda at 3 000 meetings over agenda at 6, for each pair so labelled (recurring requests too).
const long = results.filter((r) => r.label.startsWith('circle agenda (3 000 meetings') && !r.note);
const pairs = long.map((r) => [find(r.label.replace('3 000 meetings', '6 meetings')), r]).filter(([six]) => six);
for (const [six, r] of pairs) {
  const x = r.without.ms / six.without.ms;
  goals.push(goal(`${r.label.replace('circle ', '')} / 6 meetings`, '≤ 1.15×', x, x <= 1.15, fmtX(x)));
}
if (!only && !pairs.length) missing('agenda, 3 000 meetings / 6 meetings', '≤ 1.15×', ['circle agenda (6 meetings…)', 'circle agenda (3 000 meetings…)']);
// Issue 20: a Spanish circle's agenda within 10% of the English one's time.
const [english, spanish] = [find('circle agenda (10 meetings)'), find('circle agenda (10 meetings, in Spanish)')];
if (english && spanish) {
  const x = spanish.without.ms / english.without.ms;
  goals.push(goal('agenda in Spanish / in English (10 meetings)', '≤ 1.10×', x, x <= 1.1, fmtX(x)));
} else if (!only) missing('agenda in Spanish / in English', '≤ 1.10×', ['circle agenda (10 meetings)', 'circle agenda (10 meetings, in Spanish)']);
// Issue 18: the room view adds at most 150 ms before the first question.
const [meetPlain, meetRoom] = [find('circle meet, launch to first question (tmux)'), find('circle meet --room, launch to first question (tmux)')];
if (meetPlain && meetRoom) {
  const d = meetRoom.without.ms - meetPlain.without.ms;
  goals.push(goal('meet --room − meet, to the first question', '≤ 150 ms', d, d <= 150, `${fmtMs(d)}`));
} else if (!only) missing('meet --room − meet', '≤ 150 ms', ['circle meet --room, launch to first question (tmux)']);
const [cold, before] = [find('check, 1 000 meetings, cold, this build'), results.find((r) => r.label.startsWith('check, 1 000 meetings, cold, build '))];
if (cold && before) {
  const x = cold.without.ms / before.without.ms;
  goals.push(goal(`check, 1 000 meetings, cold: this build / ${before.label.split('build ')[1]}`, '≤ 1.00×', x, x <= 1, `${fmtX(x)} (${fmtMs(before.without.ms)} → ${fmtMs(cold.without.ms)})`));
} else if (!only) missing('check, 1 000 meetings, cold', 'no slower than before', ['check, 1 000 meetings, cold, this build', 'check, 1 000 meetings, cold, build …']);
const warm = find('circle check (1 000 meetings), warm');
if (warm) goals.push(goal('check, 1 000 meetings, warm', '≤ 0.3 s', warm.without.ms, warm.without.ms <= 300, fmtMs(warm.without.ms)));
else if (!only) missing('check, 1 000 meetings, warm', '≤ 0.3 s', ['circle check (1 000 meetings), warm']);

if (goals.length) {
  console.log('\n# goals (without NODE_EXTRA_CA_CERTS)');
  for (const g of goals) console.log(`${g.what.padEnd(56)} ${g.value.padStart(10)}  goal ${g.target}  ${g.met ? 'met' : 'NOT MET'}`);
}
const base = Object.fromEntries(Object.entries(baselines).map(([id, xs]) => [id, median(xs)]));
if (baselines.without) console.log(`\nnode -e 0: ${VARIANTS.filter((v) => base[v.id] !== undefined).map((v) => `${fmtMs(base[v.id])} ${v.id}`).join(', ')} NODE_EXTRA_CA_CERTS (median of all ${baselines.without.length} paired runs)`);

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
