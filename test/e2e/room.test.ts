// The room view in a real browser (Debian's Chromium, headless, driven by playwright-core):
// a scripted meeting moves step by step and the page is read after each one (the section, the
// clock, the question, whose turn, the requests, the next date and topic); nothing kept in
// confidence reaches the page or the event stream; the server answers GET with the token only;
// the page loads nothing from anywhere else; Ctrl-C pauses it and a resumed meeting picks it up.
import { writeFileSync } from 'node:fs';
import { stringify } from 'yaml';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Confided } from '../../src/core/meet/index.js';
import { circleTree, testdir } from '../harness.js';
import { circle, makeWorkspace, startCircle } from '../helpers.js';
import { ANSWERS } from '../cli/meet-answers.js';
import {
  advancingClock,
  ARTEFACTS,
  hasChromium,
  inCI,
  launch,
  openRoomPage,
  play,
  recordEvents,
  roomText,
  scriptedMeeting,
  textLegibility,
  waitForText,
  type Asked,
} from '../room.js';

/** What must never reach the page: every answer below marked SECRET is kept in confidence, or is an apology. */
const SECRET = /SECRET/;
/** A member's reflection, said openly: still never on the page (it shows the question, not the answer). */
const REFLECTION = 'Drew up a winter rota';

/** The meeting of 17 November on the example circle (meeting 7): answers by step id, the default for the rest. */
const REGULAR: Record<string, unknown> = {
  facilitator: 'Łucja Nowak',
  attendance: ['José Álvarez', 'Łucja Nowak', 'Amara Okafor'],
  'absent.Юлия Смирнова.apology': 'SECRET-APOLOGY visiting family in Tver',
  newcomers: ['Ana Souza'],
  'introductions.Ana Souza.organization': 'Eastside Library',
  'reflect.José Álvarez.tried': `${REFLECTION} ++ Sharing vans`,
  'reflect.José Álvarez.private': false,
  'reflect.Łucja Nowak.tried': 'SECRET-REFLECTION about a board member ++ SECRET-REQUEST handling a board crisis',
  'reflect.Łucja Nowak.private': true,
  'reflect.Amara Okafor.changed': new Confided('SECRET-CONFIDED a staff matter ++ SECRET-CONFIDED-REQUEST staff discipline'),
  'reflect.Amara Okafor.private': false,
  'reflect.requests': ['Recruiting board members'],
  'next.José Álvarez.wants_to_learn': 'Keeping volunteers',
  'next.topic': 'Sharing vans',
  'next.speaker': 'Mo Reyes',
  'next.date': '2026-12-15',
};

/** Minutes each answer takes: José talks long (his turn runs over), Łucja uses the rest of the section, the rest take two. */
const MINUTES: Record<string, number> = { 'reflect.José Álvarez.tried': 9, 'reflect.José Álvarez.surprised': 6, 'reflect.Łucja Nowak.tried': 3 };

/** The facilitator's own steps: the page shows no question then. */
const FACILITATORS = /^(speaker_here|introductions\.others|learning\.(format|topic|speaker|notes))$|\.(private|keep)$/;

/** What every step shows: its section marked, the section's clock, the question (or none, for the facilitator's own) without key hints, whose turn. */
async function showsStep(page: Page, { step, status }: Asked): Promise<void> {
  await waitForText(page, 'question', FACILITATORS.test(step.id) || (step.section === 'opening' && step.member) ? null : step.question);
  expect(await roomText(page, 'question') ?? '').not.toMatch(/Enter|space ticks/);
  // The attendance is taken as part of the welcome: one chip for both.
  expect(await page.textContent('[data-room="sections"] [data-state="now"]')).toBe(status.id === 'opening' ? 'Welcome and introductions' : status.title);
  expect(await roomText(page, 'section-clock')).toBe(`This section: ${status.planned === undefined ? status.used : `${status.used} of ${status.planned}`} min`);
  const turn = step.member && step.section !== 'opening' ? step.member.split(' ')[0] : null;
  expect(await roomText(page, 'turn')).toBe(turn);
}

async function nothingPrivate(page: Page): Promise<void> {
  const html = await page.content();
  expect(html).not.toMatch(SECRET);
  expect(html).not.toContain(REFLECTION);
}

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTEFACTS, `${name}.png`) });
  const texts = await textLegibility(page);
  expect(texts.length).toBeGreaterThan(3);
  for (const t of texts) {
    expect(t.size, `"${t.text}" is ${t.size}px`).toBeGreaterThanOrEqual(28);
    expect(t.contrast, `"${t.text}" has a contrast of ${t.contrast.toFixed(2)}:1`).toBeGreaterThanOrEqual(7);
  }
}

describe.skipIf(!hasChromium && !inCI)('the room view in a browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  it('follows a regular meeting step by step, with nothing private on it', async () => {
    const { root } = makeWorkspace({ example: true });
    const clock = advancingClock('2026-11-17T18:00:00.000Z');
    const meeting = scriptedMeeting(['meet', '--room'], { cwd: root, now: clock.now });
    const url = await meeting.url;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/[\w-]{24}\/$/);
    const stream = recordEvents(url);
    const { page, elsewhere } = await openRoomPage(browser, url);
    expect(await roomText(page, 'circle')).toBe('Riverside Community Leaders Circle');
    expect(await roomText(page, 'meeting')).toBe('Meeting 7 · Tuesday 17 November 2026');

    const seen = new Set<string>();
    for (;;) {
      const asked = await meeting.next();
      if (asked === 'ended') break;
      if ('review' in asked) {
        await waitForText(page, 'state', 'The facilitator is checking the notes before the minutes are written.');
        asked.write();
        continue;
      }
      await showsStep(page, asked);
      const { step } = asked;
      seen.add(step.id);
      if (step.id === 'attendance') expect(await roomText(page, 'question')).toBe('Who is here?');
      if (step.id === 'useful') expect(await roomText(page, 'question')).toBe('How useful was today, as the group sees it? 1 (not at all) to 5 (very)');
      if (step.id.startsWith('learning.')) {
        // Learning Together: tonight's topic and speaker (chosen last time), not the facilitator's note-taking.
        expect(await roomText(page, 'tonight')).toBe('Preventing burnout: sustaining ourselves and our teams');
        expect(await roomText(page, 'speaker')).toMatch(/^with Dr Nadia Karim/);
      }
      if (step.id === 'learning.notes') await screenshot(page, 'regular-2b-learning');
      if (step.id === 'learning.answered') {
        // The group is asked which were answered: the page lists them.
        expect(await roomText(page, 'open')).toMatch(/^Questions still open.*Who else should be in the room by next spring\?/);
      }
      if (step.id === 'facilitator') {
        // The opening: the circle's own ground rules.
        expect(await roomText(page, 'rules')).toContain('Your win is my win.');
        const chips = await page.$$eval('[data-room="sections"] li', (lis) => lis.map((li) => li.textContent ?? ''));
        expect(chips.filter((c) => c.startsWith('Welcome'))).toEqual(['Welcome and introductions']);
        await screenshot(page, 'regular-1-opening');
      }
      if (step.id === 'introductions.Ana Souza.vision') expect(await roomText(page, 'organization')).toBe('Eastside Library');
      if (step.id === 'reflect.José Álvarez.tried') {
        // Three to speak in 40 minutes: 13 each; Łucja is next.
        expect(await roomText(page, 'turn-clock')).toBe('0 of 13 min');
        expect(await roomText(page, 'up-next')).toBe('Up next: Łucja');
        await screenshot(page, 'regular-2-reflect');
      }
      if (step.id === 'reflect.José Álvarez.excited') {
        expect(await roomText(page, 'turn-clock')).toBe('15 of 13 min');
        expect(await page.getAttribute('[data-room="turn-clock"]', 'data-over')).toBe('true');
      }
      if (step.id === 'reflect.Łucja Nowak.tried') {
        // José took 25 minutes (six answers, then whether to keep them in confidence): 15 left for two.
        expect(await roomText(page, 'turn-clock')).toBe('0 of 7 min');
        expect(await page.getAttribute('[data-room="turn-clock"]', 'data-over')).toBe('false');
        // José's request counts once the facilitator said his reflection is not in confidence.
        expect(await roomText(page, 'requests')).toContain('Sharing vans');
      }
      if (step.id === 'reflect.Amara Okafor.tried') {
        // Łucja took what was left of the section: Amara's clock counts up alone, not "of 0 min".
        expect(await roomText(page, 'turn-clock')).toBe('0 min');
      }
      if (step.id === 'reflect.Amara Okafor.surprised') {
        expect(await roomText(page, 'turn-clock')).toBe('2 min');
        expect(await page.getAttribute('[data-room="turn-clock"]', 'data-over')).toBe('true');
      }
      if (step.id === 'reflect.requests') {
        // Reflect has run 54 of its 40 minutes: its clock turns amber.
        expect(await roomText(page, 'section-clock')).toBe('This section: 54 of 40 min');
        expect(await page.getAttribute('[data-room="section-clock"]', 'data-over')).toBe('true');
      }
      if (step.id === 'next.topic') {
        const requests = await roomText(page, 'requests');
        expect(requests).toBe('Topics asked for tonightSharing vansRecruiting board membersKeeping volunteers');
        expect(await roomText(page, 'backlog')).toContain('Topics waiting to be learned');
      }
      if (step.id === 'useful') {
        expect(await roomText(page, 'next')).toBe('Next meeting: Tuesday 15 December 2026, Sharing vans');
      }
      await nothingPrivate(page);
      clock.advance(MINUTES[step.id] ?? 2);
      asked.answer(REGULAR[step.id]);
    }
    const result = await meeting.done;
    expect(result.code, result.stderr).toBe(0);
    for (const id of ['facilitator', 'attendance', 'speaker_here', 'learning.notes', 'introductions.Ana Souza.vision', 'reflect.José Álvarez.tried', 'reflect.José Álvarez.excited', 'reflect.Łucja Nowak.tried', 'reflect.Amara Okafor.surprised', 'reflect.requests', 'learning.answered', 'next.topic', 'useful']) {
      expect(seen, id).toContain(id);
    }
    await waitForText(page, 'state', 'The meeting is over. Thank you all!');
    expect(await roomText(page, 'next')).toBe('Next meeting: Tuesday 15 December 2026, Sharing vans');
    expect(await roomText(page, 'next-speaker')).toBe('with Mo Reyes');
    expect(await page.$$eval('[data-room="sections"] li', (lis) => lis.map((li) => li.getAttribute('data-state')))).not.toContain('now');
    await screenshot(page, 'regular-3-over');
    await nothingPrivate(page);

    // The raw stream held every view and nothing private, and ended by telling the page not to reconnect.
    const events = await stream;
    expect(events).toContain('event: view');
    expect(events).toContain('event: end');
    expect(events).not.toMatch(SECRET);
    expect(events).not.toContain(REFLECTION);
    writeFileSync(join(ARTEFACTS, 'regular-events.txt'), events);
    expect(elsewhere).toEqual([]);
    // Closed with the meeting: nothing listens there any more.
    await expect(fetch(url)).rejects.toThrow();
    await page.close();
  });

  it('pauses on Ctrl-C; the open page picks the resumed meeting up at the same address, without a reload', async () => {
    const { root } = makeWorkspace({ example: true });
    const clock = advancingClock('2026-11-17T18:00:00.000Z');
    const first = scriptedMeeting(['meet', '--room'], { cwd: root, now: clock.now });
    const url = await first.url;
    const { page, elsewhere } = await openRoomPage(browser, url);
    await page.evaluate(() => Object.assign(window, { stayed: true }));
    const waiting = await play(first, REGULAR, async ({ step }) => (step.id === 'reflect.José Álvarez.surprised' ? 'stop' : undefined), () => 2, clock);
    await waitForText(page, 'question', waiting!.step.question);
    waiting!.interrupt(); // what Ctrl-C does
    const stopped = await first.done;
    expect(stopped.code).toBe(130);
    // Followed as written, it brings the page back.
    expect(stopped.stderr).toContain('draft saved — run `circle meet --resume --room` to carry on');
    await waitForText(page, 'state', 'Paused');
    expect(await roomText(page, 'turn')).toBe('José');
    await expect(fetch(url)).rejects.toThrow();

    clock.advance(10);
    const again = scriptedMeeting(['meet', '--resume', '--room'], { cwd: root, now: clock.now });
    expect(await again.url).toBe(url);
    const resumed = await again.next();
    if (resumed === 'ended' || 'review' in resumed) throw new Error('the resumed meeting asked nothing');
    expect(resumed.step.id).toBe('reflect.José Álvarez.surprised');
    await waitForText(page, 'state', null);
    await waitForText(page, 'question', resumed.step.question);
    expect(await roomText(page, 'turn')).toBe('José');
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
    resumed.answer(undefined);
    await play(again, REGULAR, async () => {}, () => 2, clock);
    expect((await again.done).code).toBe(0);
    await waitForText(page, 'state', 'The meeting is over. Thank you all!');
    expect(elsewhere).toEqual([]);
    await page.close();
  });

  it("follows a circle's first meeting: its sections, the purpose and the rules as they are written, the next date and topic; the circle's name escaped", async () => {
    const name = 'Tiny <b>Circle</b> & "Co" <script>alert(1)</script>';
    const tree = circleTree('tiny');
    tree['circles/tiny/circle.yaml'] = { ...(tree['circles/tiny/circle.yaml'] as object), name };
    const root = testdir(tree);
    const clock = advancingClock('2026-11-17T18:00:00.000Z');
    const meeting = scriptedMeeting(['meet', '--room'], { cwd: root, now: clock.now });
    const { page, elsewhere } = await openRoomPage(browser, await meeting.url);
    const answers: Record<string, unknown> = {
      facilitator: 'Ana Souza',
      newcomers: ['Cleo Nowak'],
      'introductions.Cleo Nowak.organization': 'Youth Club',
      'introductions.Ana Souza.vision': 'PERSONAL every child reads',
      'purpose.statement': 'So that none of us works alone.\nWe learn by doing.',
      'ground_rules.1': 'reword',
      'ground_rules.1.wording': 'Listen first, then speak.',
      'ground_rules.added': ['Phones away.'],
      'next.Ana Souza.will_practice': 'PERSONAL visit the food bank',
      'next.topic': 'Grant writing',
      'next.date': '2026-12-01',
    };
    const seen = new Set<string>();
    await play(
      meeting,
      answers,
      async (asked) => {
        const { step } = asked;
        seen.add(step.id);
        await showsStep(page, asked);
        expect(await page.content()).not.toContain('PERSONAL');
        if (step.id === 'facilitator') {
          expect(await roomText(page, 'circle')).toBe(name);
          expect(await page.$$('h1 b, main script')).toEqual([]);
          const sections = await page.$$eval('[data-room="sections"] li', (lis) => lis.map((li) => li.textContent));
          expect(sections).toEqual(['Welcome and introductions', 'Our purpose', 'Ground rules', 'How our meetings run', "What's Next?", 'Before we close']);
          expect(await roomText(page, 'meeting')).toBe('Meeting 1 · Tuesday 17 November 2026');
        }
        if (step.id === 'introductions.Ben Okafor.vision') expect(await roomText(page, 'organization')).toBe('Food Bank');
        if (step.id === 'purpose.statement') {
          expect(await roomText(page, 'purpose')).toBe('Our purpose, as we write itTo learn from one another.');
          await asked.progress.keep(['So that none of us works alone.']); // a line typed and entered
          await waitForText(page, 'purpose', 'Our purpose, as we write itSo that none of us works alone.');
        }
        if (step.id === 'purpose.vision') expect(await roomText(page, 'purpose')).toBe('Our purpose, as we write itSo that none of us works alone.We learn by doing.');
        if (step.id === 'ground_rules.added') {
          expect(await roomText(page, 'rules')).toBe('Our ground rulesListen first, then speak.');
          await asked.progress.keep(['Phones away.']);
          await waitForText(page, 'rules', 'Our ground rulesListen first, then speak.Phones away.');
        }
        if (step.id === 'useful') expect(await roomText(page, 'next')).toBe('Next meeting: Tuesday 1 December 2026, Grant writing');
      },
      () => 3,
      clock,
    );
    expect((await meeting.done).code).toBe(0);
    for (const id of ['facilitator', 'introductions.Ben Okafor.vision', 'purpose.statement', 'purpose.vision', 'ground_rules.added', 'useful']) expect(seen, id).toContain(id);
    await waitForText(page, 'state', 'The meeting is over. Thank you all!');
    expect(await roomText(page, 'next')).toBe('Next meeting: Tuesday 1 December 2026, Grant writing');
    expect(elsewhere).toEqual([]);
    await page.close();
  });

  it('answers GET with the token only (403 without, 405 for anything but GET), with a strict Content-Security-Policy', async () => {
    const root = testdir(circleTree('tiny'));
    const meeting = scriptedMeeting(['meet', '--room'], { cwd: root, now: advancingClock('2026-11-17T18:00:00.000Z').now });
    const url = await meeting.url;
    const waiting = await meeting.next();
    const origin = new URL(url).origin;
    const page = await fetch(url);
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy')!;
    for (const rule of ["default-src 'none'", "script-src 'self'", "style-src 'self'", "connect-src 'self'", "frame-ancestors 'none'"]) expect(csp).toContain(rule);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    for (const file of ['room.css', 'room.js']) expect((await fetch(`${url}${file}`)).status).toBe(200);
    // What a browser asks for by itself, without the token: nothing there, and no error in its console.
    expect((await fetch(`${origin}/favicon.ico`)).status).toBe(204);
    const wrong = url.replace(/\/([\w-]+)\/$/, (_, t: string) => `/${t.slice(0, -1)}${t.endsWith('A') ? 'B' : 'A'}/`);
    for (const bad of [`${origin}/`, `${origin}/room.js`, `${origin}/events`, wrong, `${wrong}events`]) expect((await fetch(bad)).status, bad).toBe(403);
    for (const method of ['POST', 'PUT', 'DELETE']) {
      const r = await fetch(url, { method, body: method === 'DELETE' ? undefined : 'x' });
      expect(r.status, method).toBe(405);
      expect(r.headers.get('allow')).toBe('GET');
    }
    expect((await fetch(`${origin}/`, { method: 'POST', body: 'x' })).status).toBe(405);
    if (waiting === 'ended' || 'review' in waiting) throw new Error('the meeting asked nothing');
    waiting.interrupt();
    expect((await meeting.done).code).toBe(130);
    await expect(fetch(url)).rejects.toThrow();
  });

  it('circle agenda --room shows the next agenda while people arrive, until Ctrl-C', async () => {
    const { root } = makeWorkspace({ example: true });
    const child = startCircle(['agenda', '--room'], { cwd: root, env: { CIRCLE_TODAY: '2026-11-10' } });
    let stderr = '';
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    const url = await new Promise<string>((resolve, reject) => {
      child.stderr.on('data', (d: Buffer) => {
        stderr += d;
        const m = /Room view: (\S+)[^]*Ctrl-C closes it/.exec(stderr);
        if (m) resolve(m[1]!);
      });
      void exited.then(() => reject(new Error(`agenda --room ended: ${stderr}`)));
    });
    const { page, elsewhere } = await openRoomPage(browser, url);
    expect(await roomText(page, 'meeting')).toBe('Meeting 7 · Tuesday 17 November 2026');
    expect(await roomText(page, 'when')).toBe('18:00–20:00 · Riverside Library, Community Room B');
    expect(await roomText(page, 'welcome')).toBe('Welcome! We start at 18:00.');
    expect(await roomText(page, 'tonight')).toBe('Preventing burnout: sustaining ourselves and our teams');
    expect(await roomText(page, 'speaker')).toMatch(/^with Dr Nadia Karim/);
    expect(await page.$$eval('[data-room="sections"] li', (lis) => lis.map((li) => li.textContent))).toContain('Time to Reflect 18:15–18:55');
    expect(await roomText(page, 'rules')).toContain('Your win is my win.');
    await screenshot(page, 'agenda');
    expect(elsewhere).toEqual([]);
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    await expect(fetch(url)).rejects.toThrow();
    await page.close();
  });
});

describe('circle meet --answers --room', () => {
  it('serves the meeting while it runs and leaves no process behind', () => {
    const { root } = makeWorkspace({ example: true });
    writeFileSync(join(root, 'answers.yaml'), stringify(ANSWERS));
    const r = circle(['meet', '--answers', 'answers.yaml', '--room'], { cwd: root, env: { CIRCLE_TODAY: '2026-11-17' } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/Room view: http:\/\/127\.0\.0\.1:\d+\/[\w-]{24}\//);
  });

  it('says what is wrong with --room-port and warns when --room-host lets other devices in', () => {
    const { root } = makeWorkspace({ example: true });
    writeFileSync(join(root, 'answers.yaml'), stringify(ANSWERS));
    const env = { CIRCLE_TODAY: '2026-11-17' };
    const bad = circle(['meet', '--answers', 'answers.yaml', '--room-port', '70000'], { cwd: root, env });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--room-port 70000: give a port number from 1 to 65535');
    const open = circle(['meet', '--answers', 'answers.yaml', '--room-host', '0.0.0.0'], { cwd: root, env });
    expect(open.code, open.stderr).toBe(0);
    expect(open.stderr).toContain('the room view listens on 0.0.0.0: anyone on this network who has the address can see the page');
  });
});
