// Per-meeting summaries for `history`, `stats` and `practice` (and the rows the circle's
// memory is folded from), cached so that a long history is not parsed again on every run.
//
// One cache file per view, circles/<slug>/.cache/<view>.json (cache.ts: the key, header,
// checksum, write and racy-clean rule). Each row is a meeting file's date, key and summary;
// a file whose key changed is read and checked again (parse-meetings.ts, loaded only then),
// the others are taken from the cache. Only files that pass the schema are ever cached; a
// bad file is reported as file:line:col (exit 65) on every run.
import { isAscii } from 'node:buffer';
import type { Meeting } from '../core/schema.js';
import { OUTCOMES, type AgreementId } from '../core/agreements.js';
import { memoryOf, type MeetingMemory } from '../core/memory.js';
import { practiceOf, summarizeMeeting, type MeetingSummary, type PracticeMeeting, type Report } from '../core/summary.js';
import { DataError } from '../errors.js';
import { fileKeys, readCache, sameKey, settled, writeCache, type CacheFile, type FileKey } from './cache.js';
import { listMeetingDates, meetingsDir } from './circle.js';
import type { Parsed, Stale } from './parse-meetings.js';

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

/** A view's cache file. The body is the rows as JSON on one line, then the strings they refer to, one a line. */
export const cacheFile = (view: { id: string }): CacheFile => ({ name: `${view.id}.json`, format: `circle-rows-${view.id}-2` });

/** One cached meeting: date, key, then the view's packed data. */
type Row = [date: string, ...key: FileKey, ...data: unknown[]];

/** The first line of the body: the rows, and how many strings follow them. */
interface Body {
  strings: number;
  rows: Row[];
}

/** The rows of the cache, by date, with the strings they refer to. */
function readRows(dir: string, view: { id: string }): { rows: Map<string, Row>; names: string[] } {
  const rows = new Map<string, Row>();
  try {
    const body = readCache(dir, cacheFile(view));
    if (!body) return { rows, names: [] };
    const cut = body.indexOf(10);
    const { strings, rows: list } = JSON.parse(body.subarray(0, cut).toString('latin1')) as Body;
    const names = readStrings(body.subarray(cut + 1), strings);
    if (!names || !Array.isArray(list)) return { rows, names: [] };
    for (const row of list) rows.set(row[0], row);
    return { rows, names };
  } catch {
    return { rows: new Map(), names: [] }; // damaged: rebuilt
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

/**
 * One summary per meeting, oldest first. Throws DataError listing every bad meeting file.
 * `onParse` hears how many files must be parsed before they are (a cold cache can take seconds).
 */
export async function readSummaries<T extends { date: string }>(dir: string, view: SummaryView<T>, onParse?: (files: number) => void): Promise<T[]> {
  const dates = await listMeetingDates(dir);
  const lookedAt = Date.now();
  const cache = readRows(dir, view);
  const rows = new Map<string, Row>();
  const stale: Stale[] = [];
  const keys = fileKeys(meetingsDir(dir), dates.map((d) => `${d}.yaml`));
  dates.forEach((date, i) => {
    const key = keys[i];
    if (!key) return; // removed since the folder was listed
    const row = cache.rows.get(date);
    if (row && sameKey(row.slice(1, 5), key)) rows.set(date, row);
    else stale.push({ date, key });
  });

  let parsed: Parsed<T> = { entries: [], problems: [] };
  if (stale.length) {
    const { parseStale } = await import('./parse-meetings.js');
    onParse?.(stale.length);
    parsed = await parseStale(dir, view, stale);
  }
  const fresh = new Map(parsed.entries.map(([date, key, data]) => [date, { key, data }]));
  const out: T[] = [];
  for (const date of dates) {
    const row = rows.get(date);
    if (row) out.push(view.unpack(row.slice(5), date, cache.names));
    else if (fresh.has(date)) out.push(fresh.get(date)!.data);
  }
  if (stale.length || rows.size !== cache.rows.size) await saveRows(dir, view, lookedAt, dates, rows, cache.names, fresh);
  if (parsed.problems.length) throw new DataError(parsed.problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line));
  return out;
}

async function saveRows<T extends { date: string }>(
  dir: string,
  view: SummaryView<T>,
  lookedAt: number,
  dates: readonly string[],
  kept: ReadonlyMap<string, Row>,
  oldNames: readonly string[],
  fresh: ReadonlyMap<string, { key: FileKey; data: T }>,
): Promise<void> {
  // The old table goes on (rows kept from the cache refer to it); a new build starts afresh.
  const names = [...oldNames];
  const numbers = new Map(names.map((s, i) => [s, i]));
  const strings: Strings = {
    id(s) {
      let id = numbers.get(s);
      if (id === undefined) numbers.set(s, (id = names.push(s) - 1));
      return id;
    },
  };
  const rows: Row[] = [];
  for (const date of dates) {
    const row = kept.get(date);
    const entry = fresh.get(date);
    if (row) rows.push(row);
    else if (entry && settled(entry.key, lookedAt)) rows.push([date, ...entry.key, ...view.pack(entry.data, strings)]);
  }
  // The rows hold numbers and dates only: every string is in the table, one a line.
  await writeCache(dir, cacheFile(view), `${JSON.stringify({ strings: names.length, rows } satisfies Body)}\n${writeStrings(names)}`);
}

/** An optional string as its number in the table, or null. */
const optionalId = (s: string | undefined, strings: Strings) => (s === undefined ? null : strings.id(s));
/** Back from optionalId. */
const optionalString = (v: unknown, names: readonly string[]) => (v === null ? undefined : names[v as number]!);
/** A list of strings as their numbers in the table. */
const idList = (list: readonly string[], strings: Strings) => list.map((s) => strings.id(s));
/** Back from idList. */
const stringList = (v: unknown, names: readonly string[]) => (v as number[]).map((i) => names[i]!);
/** Words said by someone, as [member, text, private]. */
type Said = [member: number, text: number, priv: 0 | 1];
const packSaid = (list: ReadonlyArray<{ member: string; text: string; private: boolean }>, strings: Strings): Said[] =>
  list.map((c) => [strings.id(c.member), strings.id(c.text), c.private ? 1 : 0]);
const unpackSaid = (v: unknown, names: readonly string[]) => (v as Said[]).map(([member, text, priv]) => ({ member: names[member]!, text: names[text]!, private: priv === 1 }));

function packSummary(m: MeetingSummary, strings: Strings): unknown[] {
  return [
    m.number,
    idList(m.present, strings),
    m.guests,
    idList(m.apologised, strings),
    optionalId(m.topic, strings),
    optionalId(m.speaker, strings),
    optionalId(m.nextTopic, strings),
    idList(m.committed, strings),
    idList(m.reported, strings),
    idList(m.dropped, strings),
    idList(m.agreed, strings),
    m.useful ?? null,
    m.outcomes ? OUTCOMES.map((k) => m.outcomes![k] ?? null) : null,
    m.expected ? idList(m.expected, strings) : null,
  ];
}

function unpackSummary(r: readonly unknown[], date: string, names: readonly string[]): MeetingSummary {
  return {
    date,
    number: r[0] as number,
    present: stringList(r[1], names),
    guests: r[2] as number,
    apologised: stringList(r[3], names),
    topic: optionalString(r[4], names),
    speaker: optionalString(r[5], names),
    nextTopic: optionalString(r[6], names),
    committed: stringList(r[7], names),
    reported: stringList(r[8], names),
    dropped: stringList(r[9], names),
    agreed: stringList(r[10], names) as AgreementId[],
    useful: (r[11] as number | null) ?? undefined,
    outcomes: r[12] ? Object.fromEntries(OUTCOMES.flatMap((k, i) => ((r[12] as Array<number | null>)[i] ? [[k, (r[12] as number[])[i]!]] : []))) : undefined,
    ...(r[13] !== null && r[13] !== undefined && { expected: stringList(r[13], names) }),
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
    idList(m.present, strings),
    idList(m.committed, strings),
    idList(m.reported, strings),
    idList(m.dropped, strings),
    m.commitments.flatMap((c) => [strings.id(c.member), strings.id(c.text), c.private ? 1 : 0]),
    m.reports.flatMap((r) => [strings.id(r.member), optionalId(r.commitment, strings), r.private ? 1 : 0, r.said.length, ...r.said.flatMap((s) => [strings.id(s.field), strings.id(s.text)])]),
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
      reports.push({ member: names[f[i]!]!, commitment: optionalString(f[i + 1], names), said, private: f[i + 2] === 1 });
      i = end;
    }
    return { date, present: stringList(r[0], names), committed: stringList(r[1], names), reported: stringList(r[2], names), dropped: stringList(r[3], names), commitments, reports };
  },
};

/** What the circle's memory is folded from (src/store/memory.ts). */
export const MEMORY_VIEW: SummaryView<MeetingMemory> = {
  id: 'memory-rows',
  pick: memoryOf,
  pack: (m, strings) => [
    idList(m.present, strings),
    idList(m.reported, strings),
    idList(m.dropped, strings),
    packSaid(m.commitments, strings),
    m.asked.map((a) => [strings.id(a.topic), optionalId(a.by, strings), a.private ? 1 : 0]),
    optionalId(m.learned, strings),
    m.raised.map((q) => [strings.id(q.text), q.kind === 'issue' ? 1 : 0, optionalId(q.by, strings), q.private ? 1 : 0]),
    idList(m.answered, strings),
  ],
  unpack: (r, date, names) => ({
    date,
    present: stringList(r[0], names),
    reported: stringList(r[1], names),
    dropped: stringList(r[2], names),
    commitments: unpackSaid(r[3], names),
    asked: (r[4] as Array<[number, number | null, number]>).map(([topic, by, priv]) => ({ topic: names[topic]!, by: optionalString(by, names), private: priv === 1 })),
    learned: optionalString(r[5], names),
    raised: (r[6] as Array<[number, number, number | null, number]>).map(([text, issue, by, priv]) => ({
      text: names[text]!,
      kind: issue === 1 ? ('issue' as const) : ('question' as const),
      ...(by !== null && { by: names[by]! }),
      private: priv === 1,
    })),
    answered: stringList(r[7], names),
  }),
};
