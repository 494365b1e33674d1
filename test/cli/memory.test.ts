// The circle's memory, end to end: minutes, history, practice, stats and schedule run
// as real processes on a copy of the example circle.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { circle, exampleDir, makeWorkspace, tempDir } from '../helpers.js';
import { cli } from '../harness.js';

const TODAY = { CIRCLE_TODAY: '2026-11-01' };
const run = (args: string[], cwd: string, env: Record<string, string> = {}) => cli(args, { cwd, env: { ...TODAY, ...env } });
const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

function example() {
  const ws = makeWorkspace({ example: true });
  return { ...ws, meetings: join(ws.circleDir, 'meetings') };
}

/** Every string a member said about themselves: introductions, reflections, What's Next answers. */
function memberLevelStrings(): string[] {
  const out: string[] = [];
  const files = readdirSync(join(exampleDir, 'meetings')).map((f) => parse(readFileSync(join(exampleDir, 'meetings', f), 'utf8')));
  // A wish to learn a topic the group chose or asked for is the group's topic too: public minutes may name it.
  const topics = new Set(files.flatMap((m) => [m.next?.topic, m.learning?.topic, ...(m.reflect?.requests ?? []).map((r: { topic: string }) => r.topic)]));
  const strings = (entry: Record<string, unknown>) => {
    for (const [k, v] of Object.entries(entry)) if (k !== 'member' && k !== 'organization' && typeof v === 'string' && !topics.has(v)) out.push(collapse(v));
  };
  for (const m of files) {
    for (const e of m.introductions ?? []) strings(e);
    for (const e of m.reflect?.members ?? []) strings(e);
    for (const e of m.next?.members ?? []) strings(e);
  }
  return out;
}

/** What a reader sees: markup, escapes and entities taken away, white space collapsed. */
function collectStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(collectStrings);
  return [];
}

function readable(output: string, format: string): string {
  let s = output;
  if (format === 'html') s = s.replace(/<[^>]+>/g, ' ').replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n))).replace(/&amp;/g, '&');
  if (format === 'markdown') s = s.replace(/\\(.)/g, '$1');
  if (format === 'json') s = collectStrings(JSON.parse(s)).join('\n'); // every string, unescaped
  return collapse(s);
}

describe('circle minutes', () => {
  it('prints the last meeting by default, in meeting order, with every member’s reflections', async () => {
    const { root } = example();
    const r = await run(['minutes'], root);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^# Riverside Community Leaders Circle: meeting 6\n/);
    const order = ['## Attendance', '## Time to Reflect', '## Learning Together', "## What's Next?", '## Notes'].map((h) => r.stdout.indexOf(h));
    expect(order.every((at, i) => at > 0 && (i === 0 || at > order[i - 1]!))).toBe(true);
    expect(r.stdout).toContain('**Will put into practice:** Keep every Friday afternoon clear');
    expect(r.stdout).toContain('**Topic:** Preventing burnout: sustaining ourselves and our teams');
  });

  it('marks a private reflection in the members’ minutes, and prints introductions', async () => {
    const { root } = example();
    const r = await run(['minutes', '2026-07-28', '--format', 'text'], root);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Юлия Смирнова (shared in confidence)');
    expect(r.stdout).toMatch(/Welcome and introductions\n-+\n\nThảo Nguyễn/);
  });

  it('--public leaves out every member-level and private reflection, in every format', async () => {
    const { root } = example();
    const hidden = memberLevelStrings();
    expect(hidden.length).toBeGreaterThan(100);
    const dates = readdirSync(join(exampleDir, 'meetings')).map((f) => f.slice(0, 10));
    for (const date of dates) {
      for (const format of ['markdown', 'text', 'html', 'json']) {
        const r = await run(['minutes', date, '--public', '--format', format], root);
        expect(r.code, r.stderr).toBe(0);
        const seen = readable(r.stdout, format);
        for (const s of hidden) expect(seen, `${date} ${format}`).not.toContain(s);
        for (const s of hidden) if (s.length > 40) expect(seen, `${date} ${format}`).not.toContain(s.slice(0, 40));
      }
    }
    // …and keeps what the circle learned and decided.
    const r = await run(['minutes', '2026-09-22', '--public', '--format', 'text'], root);
    expect(r.stdout).toContain('Storytelling with data: one number, one person, one change');
    expect(r.stdout).toContain('What if the honest number is going down?');
    expect(r.stdout).toContain('Cross-organisation partnerships: making shared referrals work');
    expect(collapse(r.stdout)).toContain('Preventing burnout: sustaining ourselves and our teams'); // a topic asked for
    expect(r.stdout).not.toContain('asked by');
    expect(r.stdout).not.toContain('Attendance');
  });

  it('writes html and pdf files; the pdf reads back with pdftotext', async () => {
    const { root } = example();
    const html = await run(['minutes', '2026-09-22', '--format', 'html', '--out', 'm.html'], root);
    expect(html.code, html.stderr).toBe(0);
    expect(html.stderr).toContain('Wrote m.html');
    expect(readFileSync(join(root, 'm.html'), 'utf8')).toMatch(/^<!doctype html>[\s\S]*Amara Okafor \(shared in confidence\)/);

    const pdf = await run(['minutes', '2026-09-22', '--format', 'pdf', '--public'], root);
    expect(pdf.code, pdf.stderr).toBe(0);
    const file = join(root, 'circles/riverside-leaders/print/minutes-2026-09-22-public.pdf');
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    const text = collapse(spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).stdout);
    expect(text).toContain('Storytelling with data');
    expect(text).not.toContain('core grant will be cut');
  });

  it('lists nearby meetings when there was none on the date asked for, and refuses a non-date', async () => {
    const { root } = example();
    const r = await run(['minutes', '2026-08-01'], root);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/no meeting on 2026-08-01\. Meetings near it: 2026-06-30, 2026-07-28, 2026-08-25, 2026-09-22/);
    const bad = await run(['minutes', 'last-tuesday'], root);
    expect(bad.code).toBe(2);
    expect(bad.stderr).not.toMatch(/at .*\.js:\d+/);
    expect((await run(['minutes', '--format', 'docx'], root)).code).toBe(2);
  });

  it('takes the format from the --out extension, and refuses --json with another --format', async () => {
    const { root } = example();
    expect((await run(['minutes', '--out', 'm.pdf'], root)).code).toBe(0);
    expect(readFileSync(join(root, 'm.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    expect((await run(['minutes', '--out', 'm.json'], root)).code).toBe(0);
    expect(JSON.parse(readFileSync(join(root, 'm.json'), 'utf8'))).toBeTypeOf('object');
    expect((await run(['minutes', '--out', 'm.htm'], root)).code).toBe(0);
    expect(readFileSync(join(root, 'm.htm'), 'utf8')).toMatch(/^<!doctype html>/);
    const both = await run(['minutes', '--json', '--format', 'html'], root);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/--json and --format html/);
    expect((await run(['minutes', '--json', '--format', 'json'], root)).code).toBe(0);
  });

  it('prints the minutes as JSON', async () => {
    const { root } = example();
    const r = await run(['minutes', '2026-06-02', '--format', 'json'], root);
    const m = JSON.parse(r.stdout);
    expect(m).toMatchObject({ date: '2026-06-02', number: 1, public: false, presentCount: 7 });
    expect(m.sections.map((s: { id: string }) => s.id)).toEqual(['introductions', 'reflect', 'learning', 'next']);
  });
});

describe('circle history', () => {
  it('prints one line per meeting: date, number, present of members, topic, next topic', async () => {
    const { root } = example();
    const r = await run(['history'], root);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(7);
    expect(lines[3]).toMatch(/^2026-07-28 +3 +7\/8 \+1 +Engaging volunteers so they stay +Board and staff: sharing leadership/);
    const json = JSON.parse((await run(['history', '--json'], root)).stdout);
    expect(json[5]).toEqual({
      date: '2026-10-20',
      number: 6,
      present: 6,
      members: 7,
      guests: 0,
      topic: 'Cross-organisation partnerships: making shared referrals work',
      nextTopic: 'Preventing burnout: sustaining ourselves and our teams',
      agreed: [],
    });
  });

  it('sees an edited meeting file at once, even one edited to the same size', async () => {
    const { root, meetings } = example();
    expect((await run(['history'], root)).code).toBe(0);
    expect(existsSync(join(root, 'circles', 'riverside-leaders', '.cache', 'summaries.json'))).toBe(true);
    const file = join(meetings, '2026-08-25.yaml');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('"Board and staff: sharing leadership', '"Board and staff: SHARING leadership'));
    expect(readFileSync(file).length).toBe(Buffer.byteLength(text));
    expect((await run(['history'], root)).stdout).toContain('Board and staff: SHARING leadership');
    writeFileSync(file, text.replace('"Board and staff: sharing leadership', '"Boards: sharing leadership'));
    const after = JSON.parse((await run(['history', '--json'], root)).stdout);
    expect(after[3].topic).toBe('Boards: sharing leadership without losing each other');
  });

  it('ignores a corrupt or foreign cache and rebuilds it', async () => {
    const { root, circleDir } = example();
    // Files last changed an hour ago: every row is kept (a file changed within 2 s is not).
    const hourAgo = new Date(Date.now() - 3600_000);
    for (const f of readdirSync(circleDir, { recursive: true })) utimesSync(join(circleDir, String(f)), hourAgo, hourAgo);
    const expected = (await run(['history', '--json'], root)).stdout;
    const cache = join(circleDir, '.cache', 'summaries.json');
    const good = readFileSync(cache, 'utf8');
    // Rows whose keys still match but whose data was damaged (the review's case). The body
    // is the rows, each a file's key and its summary.
    const [header, body] = [good.slice(0, good.indexOf('\n')), good.slice(good.indexOf('\n') + 1)];
    const rows = JSON.parse(body);
    for (const row of rows) row.splice(1);
    const damaged = `${header}\n${JSON.stringify(rows)}`;
    for (const junk of ['{"format":"circle-cache",', 'null', '{"format":"circle-cache","view":"summaries","version":1,"entries":{"2026-06-02.yaml":{"key":1}}}', damaged, good.slice(0, -20)]) {
      writeFileSync(cache, junk);
      const r = await run(['history', '--json'], root);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toBe(expected);
    }
    const rebuilt = readFileSync(cache, 'utf8');
    expect(rebuilt.slice(rebuilt.indexOf('\n') + 1)).toBe(body);
  });

  it('reports a bad meeting file as file:line:col with exit 65 on every run, and never caches it', async () => {
    const { root, meetings } = example();
    expect((await run(['history'], root)).code).toBe(0);
    const file = join(meetings, '2026-09-22.yaml');
    const good = readFileSync(file, 'utf8');
    writeFileSync(file, good.replace('number: 5', 'number: five'));
    for (let i = 0; i < 2; i++) {
      for (const cmd of ['history', 'stats', 'practice']) {
        const r = await run([cmd], root);
        expect(r.code, cmd).toBe(65);
        expect(r.stderr).toMatch(/circles\/riverside-leaders\/meetings\/2026-09-22\.yaml:2:9: number: expected a meeting number/);
        expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
      }
    }
    writeFileSync(file, good);
    expect((await run(['history'], root)).code).toBe(0);
  });
});

describe('circle practice', () => {
  it("shows each commitment and what was reported at the member's next meeting", async () => {
    const { root } = example();
    const r = await run(['practice', 'Siobhán'], root);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Siobhán Ní Bhriain: 4 of 4 commitments followed up \(100%\)/);
    expect(r.stdout).toMatch(/2026-06-02 #1 +will practise: Invite one person[^\n]*\n +-> 2026-07-28 #3 \(after missing 1 meeting\):\n +tried: Grace came/);
  });

  it('marks a commitment never followed up: Юлия missed the meeting after 22 September', async () => {
    const { root } = example();
    const r = await run(['practice', 'Юлия'], root);
    expect(r.stdout).toMatch(/2026-09-22 #5 +will practise: Pilot the shared referral slip[^\n]*\n +!! never followed up: missed the 1 meeting since/);
    const json = JSON.parse((await run(['practice', '--json'], root)).stdout);
    const yulia = json.find((c: { member: string }) => c.member === 'Юлия Смирнова');
    expect(yulia.links.at(-1)).toMatchObject({ made: { date: '2026-09-22' }, status: 'missed', absences: 1 });
    expect(yulia.counts).toMatchObject({ made: 5, followedUp: 4, missed: 1, share: 0.8 });
    expect(json.map((c: { member: string }) => c.member)).toContain('Grace Whitfield');
    // The report given in confidence (28 July) is labelled where it stands, not its commitment.
    expect(r.stdout).toContain('-> 2026-07-28 #3 (in confidence):');
    expect(r.stdout).not.toMatch(/will practise: [^\n]*\(in confidence\)/);
  });

  it('says which members there are when the name matches none', async () => {
    const { root } = example();
    const r = await run(['practice', 'Nobody'], root);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/no member "Nobody"; choose one of:\n {2}José Álvarez/);
  });
});

describe('circle stats', () => {
  it('draws plain ASCII charts when not on a terminal, with the numbers beside them', async () => {
    const { root } = example();
    const r = await run(['stats'], root);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/2026-07-28 #3 +#+\.+ +7\/8 \+1/);
    // Her commitment of meeting 5 is still open (she missed 6): on the agenda, and open here.
    expect(r.stdout).toMatch(/Юлия Смирнова +#+\.* +5\/6 +4\/4 followed up/);
    expect(r.stdout).toMatch(/31 of 32 reported on/);
    expect(r.stdout).toMatch(/7 still open/);
    expect(r.stdout).not.toMatch(/[█▁-▇\u001b]/);
  });

  it('prints the numbers as JSON', async () => {
    const { root } = example();
    const s = JSON.parse((await run(['stats', '--json'], root)).stdout);
    expect(s.meetings).toHaveLength(6);
    expect(s.topics).toHaveLength(6);
    expect(s.commitments).toEqual({ made: 39, followedUp: 31, silent: 0, missed: 1, open: 7, letGo: 0, due: 32, share: 31 / 32 });
    expect(s.members.find((m: { name: string }) => m.name === 'Grace Whitfield')).toMatchObject({ attended: 3, of: 3, active: false });
  });

  it('writes one self-contained HTML page with SVG charts', async () => {
    const { root } = example();
    const r = await run(['stats', '--format', 'html', '--out', 'stats.html'], root);
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(join(root, 'stats.html'), 'utf8');
    expect(html.match(/<svg /g)).toHaveLength(3);
    expect(html).not.toMatch(/(src|href)="?(https?:)?\/\//);
    expect(html).toContain('Юлия Смирнова');
    expect((await run(['stats', '--format', 'svg'], root)).code).toBe(2);
  });
});

describe('circle schedule', () => {
  it('names the rule in words and lists the next dates with the skipped one', async () => {
    const { root } = example();
    const r = await run(['schedule', '--count', '3'], root);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('meets every 4 weeks on Tuesday, counted from Tuesday 2 June 2026.');
    expect(r.stdout).toContain('18:00–20:00, Riverside Library, Community Room B');
    expect(r.stdout.trim().split('\n').slice(3)).toEqual([
      'Tuesday 17 November 2026  (chosen at the last meeting)',
      '  Topic: Preventing burnout: sustaining ourselves and our teams',
      '  Speaker: Dr Nadia Karim (psychologist, Riverside Community Health Clinic)',
      'Tuesday 15 December 2026',
      'Tuesday 12 January 2027  no meeting (listed under schedule.skip)',
      'Tuesday 9 February 2027',
    ]);
    expect(JSON.parse((await run(['schedule', '--json', '--from', '2027-01-01', '--count', '1'], root)).stdout).dates).toEqual([
      { date: '2027-01-12', skipped: true },
      { date: '2027-02-09', skipped: false },
    ]);
    expect((await run(['schedule', '--count', 'many'], root)).code).toBe(2);
  });

  it('writes a calendar that parses, with stable UIDs, the place, and no links', async () => {
    const { root } = example();
    const r = await run(['schedule', '--count', '4', '--ics', 'circle.ics'], root);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('Wrote circle.ics');
    const text = readFileSync(join(root, 'circle.ics'), 'utf8');
    expect(text.split('\r\n').every((l) => Buffer.byteLength(l) <= 75 && !l.includes('\n'))).toBe(true);
    const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.startDate.toString())).toEqual(['2026-11-17T18:00:00', '2026-12-15T18:00:00', '2027-01-12T18:00:00', '2027-02-09T18:00:00', '2027-03-09T18:00:00']);
    expect(events.map((e) => e.component.getFirstPropertyValue('status'))).toEqual(['CONFIRMED', 'CONFIRMED', 'CANCELLED', 'CONFIRMED', 'CONFIRMED']);
    expect(events[0]!.uid).toMatch(/^2026-11-17-[0-9a-f]{8}@circle$/);
    expect(events[0]!.location).toBe('Riverside Library, Community Room B');
    expect(events[0]!.description).toContain('Topic: Preventing burnout');
    expect(events[1]!.description).not.toContain('Topic:');
    expect(events[2]!.description).toContain('no meeting on this date');
    expect(text).not.toMatch(/https?:|www\./);
    const again = await run(['schedule', '--count', '4', '--ics', 'again.ics'], root, { CIRCLE_TODAY: '2026-11-02' });
    expect(again.code).toBe(0);
    const uids = (t: string) => [...t.matchAll(/^UID:(.*)$/gm)].map((m) => m[1]);
    expect(uids(readFileSync(join(root, 'again.ics'), 'utf8'))).toEqual(uids(text));
  });

  it('follows the date chosen at the last meeting, like agenda and list, and cancels the date it replaces', async () => {
    const { root, meetings } = example();
    const file = join(meetings, '2026-10-20.yaml');
    const yaml = readFileSync(file, 'utf8');
    expect(yaml).toContain('\n  date: 2026-11-17\n');
    writeFileSync(file, yaml.replace('\n  date: 2026-11-17\n', '\n  date: 2026-11-19\n'));
    expect((await run(['agenda'], root)).stdout).toContain('Thursday 19 November 2026');
    expect((await run(['list'], root)).stdout).toContain('2026-11-19');

    const r = await run(['schedule', '--count', '2', '--ics', 'moved.ics'], root);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim().split('\n').slice(3, 6)).toEqual([
      'Tuesday 17 November 2026  no meeting (moved to Thursday 19 November 2026 at the last meeting)',
      'Thursday 19 November 2026  (chosen at the last meeting)',
      '  Topic: Preventing burnout: sustaining ourselves and our teams',
    ]);
    const events = new ICAL.Component(ICAL.parse(readFileSync(join(root, 'moved.ics'), 'utf8'))).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => [e.startDate.toString().slice(0, 10), e.component.getFirstPropertyValue('status')])).toEqual([
      ['2026-11-17', 'CANCELLED'],
      ['2026-11-19', 'CONFIRMED'],
      ['2026-12-15', 'CONFIRMED'],
    ]);
    expect(events[1]!.description).toContain('Topic: Preventing burnout');
    expect(events[1]!.description).toContain('Speaker: Dr Nadia Karim');
    expect(JSON.parse((await run(['schedule', '--json', '--count', '1'], root)).stdout).dates[1]).toMatchObject({ date: '2026-11-19', chosen: true });
  });

  it('gives the same circle different UIDs in two workspaces whose circles share a slug', async () => {
    const a = example();
    const b = example();
    const circleFile = join(b.circleDir, 'circle.yaml');
    writeFileSync(circleFile, readFileSync(circleFile, 'utf8').replace('name: Riverside Community Leaders Circle', 'name: Riverside Youth Circle'));
    const uid = async (root: string) => {
      expect((await run(['schedule', '--count', '1', '--ics', 'u.ics'], root)).code).toBe(0);
      return /^UID:(.*)$/m.exec(readFileSync(join(root, 'u.ics'), 'utf8'))![1];
    };
    expect(await uid(a.root)).not.toBe(await uid(b.root));
  });

  it.each([
    ['Europe/Berlin', 'weekly on Tuesday', '2026-10-13', ['2026-10-13', '2026-10-20', '2026-10-27', '2026-11-03']],
    ['America/New_York', 'weekly on Tuesday', '2027-03-02', ['2027-03-02', '2027-03-09', '2027-03-16', '2027-03-23']],
  ])('keeps 18:00 on both sides of the daylight-saving change in %s', async (zone, cadence, from, dates) => {
    const root = tempDir();
    expect((await cli(['init', 'Zone Circle', '--yes', '--cadence', cadence, '--start', '18:00'], { cwd: root, env: { CIRCLE_TODAY: '2026-01-01' } })).code).toBe(0);
    // Spawned: the time zone is the process's own.
    const r = circle(['schedule', '--from', from, '--count', '4', '--ics', 'z.ics'], { cwd: root, env: { TZ: zone, ...TODAY } });
    expect(r.code, r.stderr).toBe(0);
    const events = new ICAL.Component(ICAL.parse(readFileSync(join(root, 'z.ics'), 'utf8'))).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.startDate.toString().slice(0, 10))).toEqual(dates);
    for (const e of events) {
      expect([e.startDate.hour, e.startDate.minute, e.endDate.hour]).toEqual([18, 0, 20]);
      expect(e.startDate.zone).toBe(ICAL.Timezone.localTimezone); // floating: 18:00 wherever the circle is
    }
    // In that zone the wall clock stays at 18:00 while the UTC offset changes underneath.
    const offsets = dates.map((d) => new Intl.DateTimeFormat('en', { timeZone: zone, timeZoneName: 'shortOffset' }).formatToParts(new Date(`${d}T18:00:00Z`)).find((p) => p.type === 'timeZoneName')!.value);
    expect(new Set(offsets).size).toBe(2);
  });

  it('never lets "the 5th Tuesday" spill into the next month', async () => {
    const root = tempDir();
    expect((await cli(['init', 'Fifth Circle', '--yes', '--cadence', 'monthly on the 5th Tuesday'], { cwd: root, env: { CIRCLE_TODAY: '2026-01-01' } })).code).toBe(0);
    const r = await cli(['schedule', '--from', '2026-01-01', '--count', '5', '--ics', 'f.ics'], { cwd: root, env: TODAY });
    expect(r.stdout).toContain('meets the fifth Tuesday of each month (circle.yaml: "monthly on the 5th Tuesday").');
    const events = new ICAL.Component(ICAL.parse(readFileSync(join(root, 'f.ics'), 'utf8'))).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.startDate.toString().slice(0, 10))).toEqual(['2026-03-31', '2026-06-30', '2026-09-29', '2026-12-29', '2027-03-30']);
  });
});

describe('--help', () => {
  it.each(['minutes', 'history', 'practice', 'stats', 'schedule'])('%s --help has examples', async (cmd) => {
    const r = await cli([cmd, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`Examples:\\n {2}\\$ circle ${cmd}`));
  });
});
