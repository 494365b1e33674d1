import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { makeWorkspace } from '../helpers.js';
import { cli } from '../harness.js';

// "Today" is pinned before the meeting chosen last time (17 November 2026).
const env = { CIRCLE_TODAY: '2026-11-01' };
const lastFile = (dir: string) => join(dir, 'meetings', '2026-10-20.yaml');

function example() {
  const ws = makeWorkspace({ example: true });
  const run = (...args: string[]) => cli(args, { cwd: ws.root, env });
  return { ...ws, run };
}

/** Last meeting's "will practice" answers and the active members, from the example files. */
function expected(dir: string) {
  const last = parse(readFileSync(lastFile(dir), 'utf8'));
  const members = parse(readFileSync(join(dir, 'members.yaml'), 'utf8')).members as Array<{ name: string; active?: boolean }>;
  const commitments = (last.next.members as Array<{ will_practice: string }>).map((a) => a.will_practice);
  return { commitments, active: members.filter((m) => m.active !== false).map((m) => m.name), topic: last.next.topic as string };
}

/** What a reader sees, whatever the format: markup and escapes gone, one space between words. */
function readable(format: string, out: string): string {
  let text = out;
  if (format === 'json') {
    const strings: string[] = [];
    const walk = (v: unknown): void => {
      if (typeof v === 'string') strings.push(v);
      else if (v && typeof v === 'object') Object.values(v).forEach(walk);
    };
    walk(JSON.parse(out));
    text = strings.join('\n');
  }
  if (format === 'markdown') text = text.replace(/\\(.)/g, '$1');
  if (format === 'html') text = text.replace(/<[^>]+>/g, ' ').replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n)));
  return text.replace(/\s+/g, ' ');
}

describe('circle agenda on the example circle', () => {
  it("shows last meeting's chosen topic and every member's commitment", async () => {
    const { run, circleDir } = example();
    const r = await run('agenda');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    const { commitments, topic } = expected(circleDir);
    expect(r.stdout).toMatch(/^# Riverside Community Leaders Circle\n/);
    expect(r.stdout).toContain('Meeting 7 · Tuesday 17 November 2026');
    expect(r.stdout).toContain('18:00–20:00 · Riverside Library, Community Room B');
    expect(r.stdout).toContain(`**Topic:** ${topic}`);
    expect(r.stdout).toContain('**Speaker:** Dr Nadia Karim');
    const md = readable('markdown', r.stdout);
    for (const c of commitments) expect(md).toContain(c);
    expect(md).toContain('Not at the last meeting: Юлия Смирнова');
    expect(md).toContain('meeting after this one is on Tuesday 15 December 2026');
    expect(r.stdout).not.toContain('Grace');
  });

  it('carries the same content in markdown, text, html and json', async () => {
    const { run, circleDir } = example();
    const { commitments, active, topic } = expected(circleDir);
    const phrases = [
      ...commitments,
      ...active,
      topic,
      'Dr Nadia Karim (psychologist, Riverside Community Health Clinic)',
      'The city now wants a "community impact measure" on all arts grants',
      'What surprised you?',
      '18:55',
      '19:40',
      'Big first-name name tags at the door',
    ];
    for (const [format, args] of [
      ['markdown', ['agenda', '--format', 'markdown']],
      ['text', ['agenda', '--format', 'text']],
      ['html', ['agenda', '--format', 'html']],
      ['json', ['agenda', '--json']],
    ] as const) {
      const r = await run(...args);
      expect(r.code, `${format}: ${r.stderr}`).toBe(0);
      const seen = readable(format, r.stdout);
      for (const p of phrases) expect(seen, `${format} should contain ${p}`).toContain(p);
      expect(seen, format).not.toContain('Grace');
    }
    const text = (await run('agenda', '--format', 'text')).stdout;
    expect(text).not.toMatch(/\*\*|^#|<[a-z]/m);
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(78);
    const json = JSON.parse((await run('agenda', '--json')).stdout);
    expect(json).toMatchObject({ kind: 'regular', number: 7, date: '2026-11-17', learning: { topic } });
  });

  it('writes a PDF of one or two pages that keeps every name', async () => {
    const { run, root } = example();
    const r = await run('agenda', '--format', 'pdf');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    // Into the circle's print/ folder, which git ignores by a .gitignore of its own.
    expect(r.stderr).toContain('Wrote circles/riverside-leaders/print/agenda-2026-11-17.pdf');
    const file = join(root, 'circles/riverside-leaders/print/agenda-2026-11-17.pdf');
    expect(readFileSync(join(root, 'circles/riverside-leaders/print/.gitignore'), 'utf8')).toMatch(/^\*$/m);
    const text = spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' }).stdout;
    for (const name of ['José Álvarez', 'Łucja Nowak', 'Αλέξης Παππάς', 'Юлия Смирнова', 'Thảo Nguyễn', 'Siobhán Ní Bhriain']) {
      expect(text).toContain(name);
    }
    expect(text).toContain('Preventing burnout');
    const pages = Number(/Pages:\s+(\d+)/.exec(spawnSync('pdfinfo', [file], { encoding: 'utf8' }).stdout)?.[1]);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(2);
  });

  it('sends the PDF to a pipe with --out -, and any format to a file with --out', async () => {
    const { run, root } = example();
    const piped = await run('agenda', '--format', 'pdf', '--out', '-');
    expect(piped.code, piped.stderr).toBe(0);
    expect(piped.stdout.startsWith('%PDF-')).toBe(true);
    const html = await run('agenda', '--format', 'html', '--out', 'agenda.html');
    expect(html.code, html.stderr).toBe(0);
    expect(html.stdout).toBe('');
    expect(readFileSync(join(root, 'agenda.html'), 'utf8')).toMatch(/^<!doctype html>/);
    const nowhere = await run('agenda', '--out', 'no/such/folder/a.md');
    expect(nowhere.code).toBe(1);
    expect(nowhere.stderr).toMatch(/cannot write no\/such\/folder\/a.md: no such folder/);
  });

  it('never prints a reflection marked private', async () => {
    const { run, circleDir } = example();
    const file = lastFile(circleDir);
    writeFileSync(file, readFileSync(file, 'utf8').replace('      tried: The October newsletter', '      private: true\n      tried: The October newsletter'));
    const r = await run('agenda', '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toContain('Winter demand');
    expect(r.stdout).toContain('Our first grant application'); // the others' issues stay
  });

  it('reads only the newest meeting: a broken old file does not matter', async () => {
    const { run, circleDir } = example();
    writeFileSync(join(circleDir, 'meetings', '2026-06-02.yaml'), 'date: [not yaml\n');
    const r = await run('agenda');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Meeting 7');
  });

  it('builds on the meeting before an earlier --date', async () => {
    const { run } = example();
    const r = await run('agenda', '--date', '2026-10-20', '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ number: 6, learning: { topic: 'Cross-organisation partnerships: making shared referrals work' } });
  });

  it('warns on stderr when the format is under 90 minutes', async () => {
    const { run, circleDir } = example();
    const file = join(circleDir, 'circle.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('minutes: 45', 'minutes: 10'));
    const r = await run('agenda');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/warning: the format adds up to 85 minutes; under 90/);
    expect(r.stderr).toMatch(/add up to 85 minutes but schedule.duration is 120/);
    expect(r.stdout).toContain('Welcome and introductions · 18:00–18:15 · 15 min');
    expect(r.stdout).toContain('Learning Together · 18:55–19:05 · 10 min');
  });

  it('keeps every line of --format text within 78 columns, cutting a word longer than that', async () => {
    const { run, circleDir } = example();
    const word = `https://example.org/${'handoff-list-'.repeat(12)}end`;
    const yaml = readFileSync(lastFile(circleDir), 'utf8');
    writeFileSync(lastFile(circleDir), yaml.replace('will_practice: Call the Seniors', `will_practice: ${word} Call the Seniors`));
    const r = await run('agenda', '--format', 'text');
    expect(r.code, r.stderr).toBe(0);
    for (const line of r.stdout.split('\n')) expect(line.length, line).toBeLessThanOrEqual(78);
    expect(r.stdout.replace(/\n +/g, '')).toContain(word);
  });

  it('prints the first-meeting agenda when there is no meeting yet', async () => {
    const { run, circleDir } = example();
    rmSync(join(circleDir, 'meetings'), { recursive: true });
    const r = await run('agenda', '--format', 'text');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('First meeting · ');
    expect(r.stdout).toMatch(/Our purpose \(\d\d:\d\d–\d\d:\d\d/);
    expect(r.stdout).toContain('Around the table');
    expect(r.stdout).not.toContain('Commitments from last time');
  });

  it('refuses a bad --date or --format with exit 2 and a clear message', async () => {
    const { run } = example();
    const date = await run('agenda', '--date', '2026-02-30');
    expect(date.code).toBe(2);
    expect(date.stderr).toMatch(/--date 2026-02-30: use a real date as YYYY-MM-DD/);
    const format = await run('agenda', '--format', 'docx');
    expect(format.code).toBe(2);
    expect(format.stderr).toMatch(/docx.*invalid.*markdown, text, html, pdf/s);
    for (const r of [date, format]) expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('takes the format from the --out extension when --format is not given', async () => {
    const { run, root } = example();
    for (const [file, check] of [
      ['agenda.pdf', (b: Buffer) => expect(b.subarray(0, 5).toString()).toBe('%PDF-')],
      ['agenda.HTML', (b: Buffer) => expect(b.toString()).toMatch(/^<!doctype html>/)],
      ['agenda.txt', (b: Buffer) => expect(b.toString()).toMatch(/^Riverside Community Leaders Circle\n=+\n/)],
      ['agenda.json', (b: Buffer) => expect(JSON.parse(b.toString())).toMatchObject({ kind: 'regular', number: 7 })],
      ['agenda.md', (b: Buffer) => expect(b.toString()).toMatch(/^# Riverside/)],
      ['agenda.notes', (b: Buffer) => expect(b.toString()).toMatch(/^# Riverside/)], // unknown: markdown
    ] as const) {
      const r = await run('agenda', '--out', file);
      expect(r.code, r.stderr).toBe(0);
      check(readFileSync(join(root, file)));
    }
    expect((await run('agenda', '--format', 'markdown', '--out', 'forced.pdf')).code).toBe(0); // --format wins
    expect(readFileSync(join(root, 'forced.pdf'), 'utf8')).toMatch(/^# Riverside/);
  });

  it('refuses --json with another --format: exit 2, no stack trace', async () => {
    const { run } = example();
    const r = await run('agenda', '--json', '--format', 'pdf');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/--json and --format pdf/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('has help with examples', async () => {
    const r = await cli(['agenda', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Examples:\n\s+\$ circle agenda/);
  });
});

describe('circle nametags', () => {
  it('prints a tag for every active member and each guest, and none for Grace', async () => {
    const { run, root } = example();
    const r = await run('nametags', '--guest', 'Dr Nadia Karim', '--guest', 'Priya Raman');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('Wrote circles/riverside-leaders/print/nametags.pdf');
    const file = join(root, 'circles/riverside-leaders/print/nametags.pdf');
    expect(existsSync(file)).toBe(true);
    const text = spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' }).stdout;
    for (const tag of ['José', 'Łucja', 'Alexis', 'Юлия', 'Amara', 'Siobhán', 'Thảo', 'Nadia', 'Priya']) expect(text).toContain(tag);
    expect(text).toContain('Riverside Immigrant Resource Centre');
    expect(text).not.toContain('Grace');
    expect(spawnSync('pdfinfo', [file], { encoding: 'utf8' }).stdout).toMatch(/Pages:\s+2/); // 9 tags, 8 a sheet
  });

  it('prints HTML to stdout with --format html', async () => {
    const { run } = example();
    const r = await run('nametags', '--format', 'html');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^<!doctype html>/);
    expect((r.stdout.match(/class="tag"/g) ?? []).length).toBe(7);
    expect(r.stdout).toContain('>Юлия</div>');
    expect(r.stdout).not.toContain('Grace');
  });
});

describe('agenda, schedule and the calendar file', () => {
  it.each(['2026-11-01', '2026-11-28'])('agree on the topic of every upcoming date (today %s)', async (today) => {
    const { root } = makeWorkspace({ example: true });
    const env = { CIRCLE_TODAY: today };
    const schedule = await cli(['schedule', '--json', '--count', '4', '--ics', 'c.ics'], { cwd: root, env });
    expect(schedule.code, schedule.stderr).toBe(0);
    const dates = (JSON.parse(schedule.stdout).dates as Array<{ date: string; skipped: boolean; topic?: string }>).filter((d) => !d.skipped);
    const ics = readFileSync(join(root, 'c.ics'), 'utf8').replace(/\r\n /g, '');
    const icsTopic = (date: string) => new RegExp(`DTSTART:${date.replaceAll('-', '')}[^]*?DESCRIPTION:([^\\r]*)`).exec(ics)![1]!.match(/Topic: ([^\\]*)/)?.[1];
    const topics = [];
    for (const d of dates) {
      const agenda = JSON.parse((await cli(['agenda', '--json', '--date', d.date], { cwd: root, env })).stdout);
      expect([agenda.learning.topic, icsTopic(d.date)], d.date).toEqual([d.topic, d.topic]);
      topics.push(d.topic);
    }
    // Exactly one upcoming meeting has the topic chosen last time: the next one.
    expect(topics).toEqual(['Preventing burnout: sustaining ourselves and our teams', undefined, undefined, undefined]);
  });
});
