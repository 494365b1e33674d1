// Small terminal charts: bars and sparklines. Unicode blocks on a terminal, plain
// ASCII anywhere else (a pipe, a file, a printer).

/** A bar of `width` cells for a share between 0 and 1. */
export function bar(share: number, width: number, unicode: boolean): string {
  const w = Math.max(0, Math.floor(width));
  const s = Math.min(1, Math.max(0, Number.isFinite(share) ? share : 0));
  if (!unicode) {
    const full = Math.round(s * w);
    return '#'.repeat(full) + '.'.repeat(w - full);
  }
  const eighths = Math.round(s * w * 8);
  const full = Math.floor(eighths / 8);
  const part = eighths % 8;
  const partial = part ? '▏▎▍▌▋▊▉'[part - 1]! : '';
  return '█'.repeat(full) + partial + ' '.repeat(w - full - (part ? 1 : 0));
}

const SPARK_UNICODE = '▁▂▃▄▅▆▇█';
const SPARK_ASCII = '_.-=+*#@';

/** One character per value (shares 0..1); longer series are averaged into `width` buckets. */
export function sparkline(values: readonly number[], width: number, unicode: boolean): string {
  const levels = unicode ? SPARK_UNICODE : SPARK_ASCII;
  const buckets = bucket(values, Math.max(1, Math.floor(width)));
  return buckets.map((v) => levels[Math.min(levels.length - 1, Math.max(0, Math.round(v * (levels.length - 1))))]).join('');
}

/** Average a series into at most `n` consecutive buckets of (nearly) equal size. */
export function bucket(values: readonly number[], n: number): number[] {
  if (values.length <= n) return [...values];
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const from = Math.floor((i * values.length) / n);
    const to = Math.floor(((i + 1) * values.length) / n);
    let sum = 0;
    for (let j = from; j < to; j++) sum += values[j]!;
    out.push(sum / (to - from));
  }
  return out;
}

export function percent(share: number | undefined): string {
  return share === undefined ? '-' : `${Math.round(share * 100)}%`;
}
