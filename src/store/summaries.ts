// Per-meeting summaries for `history`, `stats` and `practice`, cached so that a long
// history is not parsed again on every run.
//
// The cache is circles/<slug>/.cache/<view>.json (local state, git-ignored). Each row is
// keyed by the meeting file's size, mtime, ctime and inode (ctime catches an edit whose
// mtime was put back, as by `cp -p`); a file whose key changed is read and validated
// again, the others are taken from the cache. A file modified within 2 s of when the
// cache looked at it is read again too (git's "racy clean" rule: an edit in the same
// tick of a coarse clock leaves size and times as they were). A cache
// written by another build, or that cannot be read, does not look right or fails its
// checksum, is ignored and rebuilt. Only files that pass the schema are ever cached; a
// bad file is reported as file:line:col (exit 65) on every run.
import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import { readFileSync, statSync, type Stats } from 'node:fs';
import { mkdir, unlink } from 'node:fs/promises';
import { join, sep } from 'node:path';
import type { Meeting } from '../core/schema.js';
import type { AgreementPart } from '../core/agreements.js';
import { memoryOf, type MeetingMemory } from '../core/memory.js';
import { practiceOf, summarizeMeeting, type MeetingSummary, type PracticeMeeting, type Report } from '../core/summary.js';
import { DataError } from '../errors.js';
import { writeFileAtomic } from './atomic.js';
import { BUILD, cacheDir, RACY_MS } from './cache.js';
import { listMeetingDates, meetingsDir } from './circle.js';
import type { Key, Parsed, Stale } from './parse-meetings.js';

/** Every string of a row is kept in a table, once, and the row holds its number. */
interface Strings {
  id(s: string): number;
}

export interface SummaryView<T extends { date: string }> {
  /** Names the cache file. */
  id: string;
  pick(meeting: Meeting): T;
  /** T as a row of plain values, and back (`names` holds the strings `id` numbered). */
  pack(data: T, strings: Strings): unknown[];
  unpack(row: readonly unknown[], date: string, names: readonly string[]): T;
}

/**
 * A cache file is a header line, the rows as JSON on one line, then the strings they
 * refer to, one a line. The header holds a hash of all after it: a cache that was cut
 * short, damaged or edited is rebuilt, never trusted.
 */
interface CacheHeader {
  format: 'circle-cache';
  view: string;
  build: string;
  /** When the files were looked at (ms since 1970): rows of files modified less than RACY_MS before it are not trusted. */
  checked: number;
  sha1: string;
}


/** One cached meeting: date, key, then the view's packed data. */
type Row = [date: string, ...key: Key, ...data: unknown[]];

/** The first line of the body: the rows, and how many strings follow them. */
interface Body {
  strings: number;
  rows: Row[];
}

const sha1 = (data: string | Uint8Array) => createHash('sha1').update(data).digest('hex');

export const cacheFile = (dir: string, view: { id: string }) => join(cacheDir(dir), `${view.id}.json`);

/** The trusted rows of the cache, by date, with the strings they refer to. */
function readCache(path: string, view: { id: string }): { rows: Map<string, Row>; names: string[] } {
  const rows = new Map<string, Row>();
  try {
    const bytes = readFileSync(path);
    const cut = bytes.indexOf(10);
    const header = JSON.parse(bytes.subarray(0, cut).toString('utf8')) as Partial<CacheHeader>;
    const body = bytes.subarray(cut + 1);
    if (header.format !== 'circle-cache' || header.view !== view.id || header.build !== BUILD || typeof header.checked !== 'number' || header.sha1 !== sha1(body)) {
      return { rows, names: [] };
    }
    const cut2 = body.indexOf(10);
    const { strings, rows: list } = JSON.parse(body.subarray(0, cut2).toString('latin1')) as Body;
    const names = readStrings(body.subarray(cut2 + 1), strings);
    if (!names) return { rows, names: [] };
    const racy = header.checked - RACY_MS;
    for (const row of list) if (row[2] < racy) rows.set(row[0], row);
    return { rows, names };
  } catch {
    return { rows: new Map(), names: [] }; // missing or unreadable: rebuilt
  }
}

/**
 * The strings of a cache, one a line: as they are, or, when one holds a line break, a
 * backslash or half of a surrogate pair, a backslash then its JSON form. Splitting one
 * long text is much quicker than JSON.parse making every string, and the pieces share
 * its memory, which the garbage collector need not copy.
 */
const PLAIN_LINE = /^[^\\\n\ud800-\udfff]*$/;
export const writeStrings = (strings: readonly string[]) => strings.map((s) => (PLAIN_LINE.test(s) ? s : `\\${JSON.stringify(s).slice(1, -1)}`)).join('\n');

export function readStrings(bytes: Buffer, count: number): string[] | undefined {
  if (count === 0) return bytes.length === 0 ? [] : undefined;
  // ASCII is read as latin1: a copy, into a string of one byte a character.
  const lines = bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8').split('\n');
  if (lines.length !== count) return undefined;
  for (let i = 0; i < lines.length; i++) if (lines[i]!.charCodeAt(0) === 92) lines[i] = JSON.parse(`"${lines[i]!.slice(1)}"`) as string;
  return lines;
}

const keyOf = (s: Stats): Key => [s.size, s.mtimeMs, s.ctimeMs, s.ino];

const sameKey = (row: Row, s: Stats) => row[1] === s.size && row[2] === s.mtimeMs && row[3] === s.ctimeMs && row[4] === s.ino;

/**
 * One summary per meeting, oldest first. Throws DataError listing every bad meeting file.
 * `onParse` hears how many files must be parsed, and by how many threads, before they are
 * (a cold cache can take seconds).
 */
export async function readSummaries<T extends { date: string }>(
  dir: string,
  view: SummaryView<T>,
  onParse?: (files: number, threads: number) => void,
): Promise<T[]> {
  const dates = await listMeetingDates(dir);
  const path = cacheFile(dir, view);
  const checked = Date.now();
  const cache = readCache(path, view);
  const rows = new Map<string, Row>();
  const stale: Stale[] = [];
  // The same paths as meetingFile gives, joined once: path.join per file costs as much as the stat.
  const folder = `${meetingsDir(dir)}${sep}`;
  for (const date of dates) {
    const stats = statSync(`${folder}${date}.yaml`, { throwIfNoEntry: false });
    if (!stats) continue; // removed since the folder was listed
    const row = cache.rows.get(date);
    if (row && sameKey(row, stats)) rows.set(date, row);
    else stale.push({ date, key: keyOf(stats) });
  }

  let parsed: Parsed<T> = { entries: [], problems: [] };
  if (stale.length) {
    const { parseAll, parseThreads } = await import('./parse-meetings.js');
    onParse?.(stale.length, parseThreads(stale.length));
    parsed = await parseAll(dir, view, stale);
  }
  const fresh = new Map(parsed.entries.map(([date, key, data]) => [date, { key, data }]));
  const out: T[] = [];
  for (const date of dates) {
    const row = rows.get(date);
    if (row) out.push(view.unpack(row.slice(5), date, cache.names));
    else if (fresh.has(date)) out.push(fresh.get(date)!.data);
  }
  if (stale.length || rows.size !== cache.rows.size) {
    await writeCache(dir, path, view, checked, dates, rows, cache.names, fresh);
    // A meeting file changed: the derived memory (src/store/memory.ts) is worked out again.
    if (view.id !== MEMORY_VIEW.id) await unlink(join(cacheDir(dir), 'memory.json')).catch(() => {});
  }
  if (parsed.problems.length) throw new DataError(parsed.problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line));
  return out;
}

async function writeCache<T extends { date: string }>(
  dir: string,
  path: string,
  view: SummaryView<T>,
  checked: number,
  dates: readonly string[],
  kept: ReadonlyMap<string, Row>,
  oldNames: readonly string[],
  fresh: ReadonlyMap<string, { key: Key; data: T }>,
): Promise<void> {
  // The old table goes on (rows kept from the cache refer to it); a new build starts afresh.
  const names = [...oldNames];
  const ids = new Map(names.map((s, i) => [s, i]));
  const strings: Strings = {
    id(s) {
      let id = ids.get(s);
      if (id === undefined) ids.set(s, (id = names.push(s) - 1));
      return id;
    },
  };
  const rows: Row[] = [];
  for (const date of dates) {
    const row = kept.get(date);
    const entry = fresh.get(date);
    if (row) rows.push(row);
    else if (entry) rows.push([date, ...entry.key, ...view.pack(entry.data, strings)]);
  }
  // The rows hold numbers and dates only: every string is in the table, one a line.
  const body = `${JSON.stringify({ strings: names.length, rows } satisfies Body)}\n${writeStrings(names)}`;
  const header: CacheHeader = { format: 'circle-cache', view: view.id, build: BUILD, checked, sha1: sha1(body) };
  try {
    await mkdir(cacheDir(dir), { recursive: true });
    await writeFileAtomic(path, `${JSON.stringify(header)}\n${body}`, { durable: false });
  } catch {
    // A read-only folder only costs speed: the summaries are still correct.
  }
}

const some = (s: string | undefined, strings: Strings) => (s === undefined ? null : strings.id(s));
const any = (v: unknown, names: readonly string[]) => (v === null ? undefined : names[v as number]!);
const ids = (list: readonly string[], strings: Strings) => list.map((s) => strings.id(s));
const nameList = (v: unknown, names: readonly string[]) => (v as number[]).map((i) => names[i]!);
/** Words said by someone, as [member, text, private]. */
type Said = [member: number, text: number, priv: 0 | 1];
const packSaid = (list: ReadonlyArray<{ member: string; text: string; private: boolean }>, strings: Strings): Said[] =>
  list.map((c) => [strings.id(c.member), strings.id(c.text), c.private ? 1 : 0]);
const unpackSaid = (v: unknown, names: readonly string[]) => (v as Said[]).map(([member, text, priv]) => ({ member: names[member]!, text: names[text]!, private: priv === 1 }));

function packSummary(m: MeetingSummary, strings: Strings): unknown[] {
  return [
    m.number,
    ids(m.present, strings),
    m.guests,
    ids(m.apologised, strings),
    some(m.topic, strings),
    some(m.speaker, strings),
    some(m.nextTopic, strings),
    ids(m.committed, strings),
    ids(m.reported, strings),
    ids(m.dropped, strings),
    ids(m.agreed, strings),
    m.expected ? ids(m.expected, strings) : null,
  ];
}

function unpackSummary(r: readonly unknown[], date: string, names: readonly string[]): MeetingSummary {
  return {
    date,
    number: r[0] as number,
    present: nameList(r[1], names),
    guests: r[2] as number,
    apologised: nameList(r[3], names),
    topic: any(r[4], names),
    speaker: any(r[5], names),
    nextTopic: any(r[6], names),
    committed: nameList(r[7], names),
    reported: nameList(r[8], names),
    dropped: nameList(r[9], names),
    agreed: nameList(r[10], names) as AgreementPart[],
    ...(r[11] !== null && r[11] !== undefined && { expected: nameList(r[11], names) }),
  };
}

/** What `history` and `stats` read. */
export const SUMMARY_VIEW: SummaryView<MeetingSummary> = { id: 'summaries', pick: summarizeMeeting, pack: packSummary, unpack: unpackSummary };

/** What `practice` reads: who came, committed, reported or was let go, and the words of commitments and reports. */
export const PRACTICE_VIEW: SummaryView<PracticeMeeting> = {
  id: 'practice',
  pick: practiceOf,
  // Commitments and reports each in one flat list: far fewer arrays for JSON.parse to make.
  pack: (m, strings) => [
    ids(m.present, strings),
    ids(m.committed, strings),
    ids(m.reported, strings),
    ids(m.dropped, strings),
    m.commitments.flatMap((c) => [strings.id(c.member), strings.id(c.text), c.private ? 1 : 0]),
    m.reports.flatMap((r) => [strings.id(r.member), some(r.commitment, strings), r.private ? 1 : 0, r.said.length, ...r.said.flatMap((s) => [strings.id(s.field), strings.id(s.text)])]),
  ],
  unpack: (r, date, names) => {
    const c = r[4] as number[];
    const commitments: PracticeMeeting['commitments'] = [];
    for (let i = 0; i < c.length; i += 3) commitments.push({ member: names[c[i]!]!, text: names[c[i + 1]!]!, private: c[i + 2] === 1 });
    const f = r[5] as Array<number | null>;
    const reports: Report[] = [];
    for (let i = 0; i < f.length; ) {
      // member, commitment, private, how many answers, then field and text of each
      const end = i + 4 + 2 * (f[i + 3] as number);
      const said: Report['said'] = [];
      for (let j = i + 4; j < end; j += 2) said.push({ field: names[f[j]!]!, text: names[f[j + 1]!]! });
      reports.push({ member: names[f[i]!]!, commitment: any(f[i + 1], names), said, private: f[i + 2] === 1 });
      i = end;
    }
    return { date, present: nameList(r[0], names), committed: nameList(r[1], names), reported: nameList(r[2], names), dropped: nameList(r[3], names), commitments, reports };
  },
};

/** What the circle's memory is folded from (src/store/memory.ts). */
export const MEMORY_VIEW: SummaryView<MeetingMemory> = {
  id: 'memory',
  pick: memoryOf,
  pack: (m, strings) => [
    ids(m.present, strings),
    ids(m.reported, strings),
    ids(m.dropped, strings),
    packSaid(m.commitments, strings),
    m.asked.map((a) => [strings.id(a.topic), some(a.by, strings), a.private ? 1 : 0]),
    some(m.learned, strings),
    m.raised.map((q) => [strings.id(q.text), q.kind === 'issue' ? 1 : 0, some(q.by, strings), q.private ? 1 : 0]),
    ids(m.answered, strings),
  ],
  unpack: (r, date, names) => ({
    date,
    present: nameList(r[0], names),
    reported: nameList(r[1], names),
    dropped: nameList(r[2], names),
    commitments: unpackSaid(r[3], names),
    asked: (r[4] as Array<[number, number | null, number]>).map(([topic, by, priv]) => ({ topic: names[topic]!, by: any(by, names), private: priv === 1 })),
    learned: any(r[5], names),
    raised: (r[6] as Array<[number, number, number | null, number]>).map(([text, issue, by, priv]) => ({
      text: names[text]!,
      kind: issue === 1 ? ('issue' as const) : ('question' as const),
      by: any(by, names),
      private: priv === 1,
    })),
    answered: nameList(r[7], names),
  }),
};

/** The views by id, for the parsing thread. */
export const VIEWS: Record<string, SummaryView<{ date: string }>> = {
  [SUMMARY_VIEW.id]: SUMMARY_VIEW,
  [PRACTICE_VIEW.id]: PRACTICE_VIEW,
  [MEMORY_VIEW.id]: MEMORY_VIEW,
};
