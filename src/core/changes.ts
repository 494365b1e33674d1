// What changed in a circle's shared files, in words: new meetings, members who joined,
// left or came back, and which parts of circle.yaml changed (`circle sync` reports it).
import { nameKey } from './names.js';

/** Same data, written in the same key order. */
const sameData = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** One shared file that differs, with its data before and after (undefined where absent or unreadable). */
export interface FileChange {
  /** From the workspace folder, e.g. circles/riverside-leaders/members.yaml */
  path: string;
  status: 'added' | 'changed' | 'removed';
  before: unknown;
  after: unknown;
  /** The file as it is now does not read (it is not one clean YAML document). */
  unreadable?: true;
}

function people(data: unknown): Map<string, { name: string; active: boolean; raw: unknown }> {
  const list = (data as { members?: unknown } | undefined)?.members;
  const out = new Map<string, { name: string; active: boolean; raw: unknown }>();
  if (!Array.isArray(list)) return out;
  for (const m of list) {
    const name = (m as { name?: unknown } | null)?.name;
    if (typeof name !== 'string') continue;
    out.set(nameKey(name), { name, active: (m as { active?: unknown }).active !== false, raw: m });
  }
  return out;
}

/** How each kind of change to members.yaml is said, in this order ("new member" for one). */
const HEADING = { joined: 'new members', back: 'active again:', left: 'no longer active:', edited: 'details changed:', gone: 'taken off members.yaml:' };
type Kind = keyof typeof HEADING;

function membersChanges(before: unknown, after: unknown): string[] {
  const [was, now] = [people(before), people(after)];
  const said: Record<Kind, string[]> = { joined: [], back: [], left: [], edited: [], gone: [] };
  for (const [key, person] of now) {
    const old = was.get(key);
    if (!old) said.joined.push(person.name);
    else if (old.active && !person.active) said.left.push(person.name);
    else if (!old.active && person.active) said.back.push(person.name);
    else if (!sameData(old.raw, person.raw)) said.edited.push(person.name);
  }
  for (const [key, person] of was) if (!now.has(key)) said.gone.push(person.name);
  const head = (kind: Kind) => (kind === 'joined' && said.joined.length === 1 ? 'new member' : HEADING[kind]);
  return (Object.keys(HEADING) as Kind[]).filter((kind) => said[kind].length).map((kind) => `${head(kind)} ${said[kind].join(', ')}`);
}

function circleChanges(before: unknown, after: unknown): string[] {
  const a = (before ?? {}) as Record<string, unknown>;
  const b = (after ?? {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => !sameData(a[k], b[k]));
  return keys.length ? [`changed in circle.yaml: ${keys.map((k) => k.replace(/_/g, ' ')).join(', ')}`] : [];
}

/** For each circle with changes, one line: "slug: new meeting 2026-11-24; new member Ana Souza". */
export function describeChanges(files: readonly FileChange[]): string[] {
  const byCircle = new Map<string, string[]>();
  for (const f of files) {
    const m = /^circles\/([^/]+)\/(.+)$/.exec(f.path);
    if (!m) continue;
    const [, slug, file] = m as unknown as [string, string, string];
    const said = byCircle.get(slug) ?? [];
    byCircle.set(slug, said);
    const date = /^meetings\/(\d{4}-\d{2}-\d{2})\.yaml$/.exec(file)?.[1];
    if (f.unreadable) said.push(`${file} came in but does not read (below: where, and how to settle it)`);
    else if (date) said.push(f.status === 'added' ? `new meeting ${date}` : f.status === 'removed' ? `meeting ${date} taken out` : `minutes of ${date} changed`);
    else if (file === 'members.yaml') said.push(...membersChanges(f.before, f.after));
    else if (file === 'circle.yaml') said.push(...(f.status === 'added' ? ['a new circle'] : f.status === 'removed' ? ['circle.yaml taken out'] : circleChanges(f.before, f.after)));
  }
  return [...byCircle].filter(([, said]) => said.length).map(([slug, said]) => `${slug}: ${said.join('; ')}`);
}
