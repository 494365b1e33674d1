/// <reference lib="dom" />
// The room view's tests: a meeting run in-process with a scripted prompter that waits for the
// test at every question (so the page can be read between answers), an advancing clock,
// the raw event stream recorded, and Debian's Chromium driven by playwright-core.
import { existsSync, mkdirSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Progress, Prompter, SectionStatus, Step } from '../src/core/meet/index.js';
import { InterruptedError } from '../src/errors.js';
import { cli, type InProcessOptions } from './harness.js';
import { repoRoot, type RunResult } from './helpers.js';

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
export const inCI = process.env.CI === 'true';

/** Screenshots and the like, kept after the run (git-ignored). */
export const ARTEFACTS = join(repoRoot, 'test-artefacts', 'room');

export function launch(): Promise<Browser> {
  if (!hasChromium) throw new Error(`${CHROMIUM} is required for the room view's browser tests in CI (apt-get install chromium)`);
  mkdirSync(ARTEFACTS, { recursive: true });
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
}

/** A question the meeting is waiting on: answer it (or interrupt, as Ctrl-C does). */
export interface Asked {
  step: Step;
  status: SectionStatus;
  /** A list's items (a long answer's lines) kept as they are typed, before the answer is given. */
  progress: Progress;
  answer(value: unknown): void;
  interrupt(): void;
}

/** The review before the minutes: `write()` lets them be written. */
export interface Reviewing {
  review: true;
  write(): void;
}

/** A clock the test moves on: starts at `start`, moves only when told. */
export function advancingClock(start: string) {
  let t = Date.parse(start);
  return { now: () => new Date(t), advance: (minutes: number) => void (t += minutes * 60_000) };
}

/**
 * `circle meet --room …` in-process, asking this script: `next()` gives the question it waits
 * on (or the review, or 'ended' with the run's result). The room's address is read off stderr.
 */
export function scriptedMeeting(argv: string[], options: InProcessOptions) {
  const queue: Array<Asked | Reviewing> = [];
  let wake: (() => void) | undefined;
  const push = (item: Asked | Reviewing) => {
    queue.push(item);
    wake?.();
  };
  const prompter: Prompter = {
    ask: (step, status, progress) =>
      new Promise((resolve, reject) =>
        push({ step, status, progress, answer: resolve, interrupt: () => reject(Object.assign(new InterruptedError(), { typed: '' })) }),
      ),
    review: () => new Promise((resolve) => push({ review: true, write: () => resolve(undefined) })),
  };
  let stderr = '';
  let urlFound: ((url: string) => void) | undefined;
  const url = new Promise<string>((resolve) => (urlFound = resolve));
  let ended: RunResult | undefined;
  const done = cli(argv, {
    ...options,
    tty: true,
    prompter,
    onStderr: (text) => {
      stderr += text;
      const m = /Room view: (http:\/\/\S+)/.exec(stderr);
      if (m) urlFound?.(m[1]!);
    },
  }).then((r) => {
    ended = r;
    wake?.();
    return r;
  });
  return {
    url: Promise.race([url, done.then((r) => Promise.reject(new Error(`meet ended before the room opened: ${r.stderr}`)))]),
    done,
    async next(): Promise<Asked | Reviewing | 'ended'> {
      for (;;) {
        const item = queue.shift();
        if (item) return item;
        if (ended) return 'ended';
        await new Promise<void>((resolve) => (wake = resolve));
      }
    },
  };
}

/** Everything a GET of the room's event stream receives until the server closes it. */
export function recordEvents(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}events`, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve(text));
      res.on('error', () => resolve(text));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Open the room in a page that may reach nothing but the room's server: every other request is aborted and recorded. */
export async function openRoomPage(browser: Browser, url: string): Promise<{ page: Page; elsewhere: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  const origin = new URL(url).origin;
  const elsewhere: string[] = [];
  await page.route('**/*', (route) => {
    if (new URL(route.request().url()).origin === origin) return route.continue();
    elsewhere.push(route.request().url());
    return route.abort();
  });
  page.on('request', (r) => {
    if (new URL(r.url()).origin !== origin && !elsewhere.includes(r.url())) elsewhere.push(r.url());
  });
  await page.goto(url);
  return { page, elsewhere };
}

/** The text of the element `data-room=name`, or null when the page has none. */
export const roomText = (page: Page, name: string) => page.evaluate((n) => document.querySelector(`[data-room="${n}"]`)?.textContent ?? null, name);

/** Wait until the page shows `expected` (null: nothing) in `data-room=name`. */
export async function waitForText(page: Page, name: string, expected: string | null): Promise<void> {
  try {
    await page.waitForFunction(([n, e]) => (document.querySelector(`[data-room="${n}"]`)?.textContent ?? null) === e, [name, expected] as const, { timeout: 10_000 });
  } catch {
    throw new Error(`the page's ${name} is ${JSON.stringify(await roomText(page, name))}, not ${JSON.stringify(expected)}`);
  }
}

/**
 * Every piece of text on the page: its size in px and the contrast of its colour with the
 * background behind it (WCAG's formula), worked out in the page.
 */
export function textLegibility(page: Page): Promise<Array<{ text: string; size: number; contrast: number }>> {
  return page.evaluate(() => {
    const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
    const lum = ([r, g, b]: number[]) => {
      const f = (v: number) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r!) + 0.7152 * f(g!) + 0.0722 * f(b!);
    };
    const background = (el: Element | null): number[] => {
      for (let e = el; e; e = e.parentElement) {
        const c = rgb(getComputedStyle(e).backgroundColor);
        if (c.length === 3 || (c.length === 4 && c[3]! > 0)) return c.slice(0, 3);
      }
      return [255, 255, 255];
    };
    const out: Array<{ text: string; size: number; contrast: number }> = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent?.trim();
      const el = n.parentElement;
      if (!text || !el || !(el.getClientRects().length > 0)) continue;
      const style = getComputedStyle(el);
      const [a, b] = [lum(rgb(style.color)), lum(background(el))];
      out.push({ text, size: parseFloat(style.fontSize), contrast: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05) });
    }
    return out;
  });
}

/**
 * Answer every question from `answers` (by step id; the default for the rest), after `each`
 * has looked at the page; the review writes the minutes. `each` returning 'stop' leaves the
 * meeting waiting on that question (given back).
 */
export async function play(
  meeting: ReturnType<typeof scriptedMeeting>,
  answers: Record<string, unknown>,
  each: (asked: Asked) => Promise<void | 'stop'>,
  minutes: (asked: Asked) => number = () => 2,
  clock?: { advance(minutes: number): void },
): Promise<Asked | undefined> {
  for (;;) {
    const asked = await meeting.next();
    if (asked === 'ended') return undefined;
    if ('review' in asked) {
      asked.write();
      continue;
    }
    if ((await each(asked)) === 'stop') return asked;
    clock?.advance(minutes(asked));
    asked.answer(answers[asked.step.id]);
  }
}
