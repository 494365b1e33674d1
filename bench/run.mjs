// npm run bench: every bench/*.bench.mjs, each printing figures as ratios to `node -e 0`.
import { readdirSync } from 'node:fs';
import { baseline } from './lib.mjs';

console.log(`node -e 0 (baseline, median of 21)             ${baseline().toFixed(1).padStart(8)} ms`);
const only = process.argv[2];
for (const file of readdirSync(import.meta.dirname).filter((f) => f.endsWith('.bench.mjs')).sort()) {
  if (only && !file.includes(only)) continue;
  console.log(`\n# ${file.replace('.bench.mjs', '')}`);
  await (await import(`./${file}`)).default();
}
