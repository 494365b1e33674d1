// The group's verdict at the close (how useful, one thing to change) and, every few
// meetings, the review of the circle's outcomes: asked, kept in the minutes, printed,
// carried to the next agenda and drawn by `stats` as trends.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { makeWorkspace } from '../helpers.js';
import { circleTree, run as cli, testdir } from '../harness.js';
import { ANSWERS } from './meet-answers.js';

const DATE = '2026-11-17';

describe('the verdict at the close and the outcome review', () => {
  it('meet asks them, the minutes keep and print them, and the next agenda carries the one thing to change', async () => {
    const { root, circleDir } = makeWorkspace({ example: true });
    // The example's meeting of 17 November is its 7th: review the outcomes every 7 meetings.
    const circleFile = join(circleDir, 'circle.yaml');
    writeFileSync(circleFile, `${readFileSync(circleFile, 'utf8')}review_outcomes_every: 7\n`);
    const file = join(root, 'answers.yaml');
    const answers = { ...ANSWERS, useful: 4, change: 'Start on time, even if few are here', next: { ...ANSWERS.next, outcomes: { community: 3, together: '5' } } };
    writeFileSync(file, stringify(answers));
    const r = await cli(['meet', '--answers', file], { cwd: root, env: { CIRCLE_TODAY: DATE } });
    expect(r.code, r.stderr).toBe(0);

    const minutes = parse(readFileSync(join(circleDir, 'meetings', `${DATE}.yaml`), 'utf8'));
    expect(minutes.verdict).toEqual({ useful: 4, change: 'Start on time, even if few are here' });
    expect(minutes.next.outcomes).toEqual({ community: 3, together: 5 });
    expect((await cli(['check'], { cwd: root })).code).toBe(0);

    const printed = await cli(['minutes', DATE, '--format', 'text'], { cwd: root });
    expect(printed.stdout).toContain("The group's verdict");
    expect(printed.stdout).toMatch(/How useful today was \(1–5\)\s*:?\s*4\/5/);
    expect(printed.stdout).toContain('Start on time, even if few are here');
    expect(printed.stdout).toMatch(/In the community\s*:?\s*3\/5/);
    const pub = await cli(['minutes', DATE, '--public', '--format', 'text'], { cwd: root });
    expect(pub.stdout).not.toContain('Start on time');

    const agenda = await cli(['agenda', '--format', 'text'], { cwd: root, env: { CIRCLE_TODAY: DATE } });
    expect(agenda.code, agenda.stderr).toBe(0);
    expect(agenda.stdout).toContain('Last time the group asked to change:');
    expect(agenda.stdout).toContain('Start on time, even if few are here');
  });

  it('a rating that is not 1 to 5 is refused before anything is written', async () => {
    const { root, circleDir } = makeWorkspace({ example: true });
    const file = join(root, 'answers.yaml');
    writeFileSync(file, stringify({ ...ANSWERS, useful: 7 }));
    const r = await cli(['meet', '--answers', file], { cwd: root, env: { CIRCLE_TODAY: DATE } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('useful: a number from 1 to 5');
    expect(() => readFileSync(join(circleDir, 'meetings', `${DATE}.yaml`))).toThrow();
  });

  it('is not a review meeting unless its number is a multiple of review_outcomes_every', async () => {
    const { root } = makeWorkspace({ example: true });
    const file = join(root, 'answers.yaml');
    writeFileSync(file, stringify({ ...ANSWERS, next: { ...ANSWERS.next, outcomes: { community: 3 } } }));
    const r = await cli(['meet', '--answers', file], { cwd: root, env: { CIRCLE_TODAY: DATE } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/next\.outcomes\.community/);
  });
});

/** Six meetings, rated 3, 4, 2, 5, 4, 5; the sixth reviewed the outcomes. */
function sixMeetings(): string {
  const dates = ['2026-01-06', '2026-01-20', '2026-02-03', '2026-02-17', '2026-03-03', '2026-03-17'];
  const useful = [3, 4, 2, 5, 4, 5];
  const meetings = Object.fromEntries(
    dates.map((date, i) => [
      `meetings/${date}.yaml`,
      {
        date,
        number: i + 1,
        attendance: { present: ['Ana Souza', 'Ben Okafor'] },
        next: { members: [], ...(i === 5 && { outcomes: { community: 2, together: 4, individually: 5, engagement: 3 } }), ...(i === 2 && { outcomes: { community: 1, together: 3 } }) },
        verdict: { useful: useful[i], change: `change ${i + 1}` },
      },
    ]),
  );
  const tree = circleTree('six', meetings);
  const circle = tree['circles/six/circle.yaml'] as Record<string, unknown>;
  circle.outcomes = { community: 'Fewer gaps.', together: 'We share.', individually: 'Better work.', engagement: 'More of us.' };
  return testdir(tree);
}

describe('stats: the trends of the verdict and the outcomes', () => {
  it('in the terminal: a bar per meeting rated, each outcome with its ratings review by review', async () => {
    const root = sixMeetings();
    const r = await cli(['stats'], { cwd: root });
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.split('\n');
    const at = lines.indexOf('How useful today was (1–5)');
    expect(at).toBeGreaterThan(0);
    expect(lines.slice(at + 1, at + 7).map((l) => l.slice(0, 13) + l.trim().slice(-1))).toEqual([
      '2026-01-06 #13',
      '2026-01-20 #24',
      '2026-02-03 #32',
      '2026-02-17 #45',
      '2026-03-03 #54',
      '2026-03-17 #65',
    ]);
    expect(lines[at + 7]).toBe('(6 meetings rated, 3.8 on average)');
    expect(r.stdout).toContain('Moving towards our outcomes (1–5)');
    expect(r.stdout).toMatch(/In the community\s+#+\.*\s+1 > 2/);
    expect(r.stdout).toMatch(/Working together\s+#+\.*\s+3 > 4/);
    expect(r.stdout).toMatch(/In our own work\s+#+\.*\s+5\n/);
    expect(r.stdout).toContain('(reviewed 2 times: 2026-02-03 #3, 2026-03-17 #6)');

    const json = JSON.parse((await cli(['stats', '--json'], { cwd: root })).stdout);
    expect(json.usefulness.map((u: { useful: number }) => u.useful)).toEqual([3, 4, 2, 5, 4, 5]);
    expect(json.outcomes.find((o: { id: string }) => o.id === 'community').ratings.map((x: { rating: number }) => x.rating)).toEqual([1, 2]);
  });

  it('in HTML: a line of the ratings with each point labelled, one per outcome', async () => {
    const root = sixMeetings();
    const r = await cli(['stats', '--format', 'html'], { cwd: root });
    expect(r.code, r.stderr).toBe(0);
    const html = r.stdout;
    const useful = html.slice(html.indexOf('<h2>How useful today was (1–5)</h2>'));
    expect(useful.length).toBeLessThan(html.length);
    const firstChart = useful.slice(0, useful.indexOf('</svg>'));
    expect([...firstChart.matchAll(/<title>([^<]+)<\/title>/g)].map((m) => m[1])).toEqual([
      '2026-01-06 #1: 3/5',
      '2026-01-20 #2: 4/5',
      '2026-02-03 #3: 2/5',
      '2026-02-17 #4: 5/5',
      '2026-03-03 #5: 4/5',
      '2026-03-17 #6: 5/5',
    ]);
    expect(html).toContain('<h2>Moving towards our outcomes (1–5)</h2>');
    const community = html.slice(html.indexOf('<h3>In the community</h3>'));
    expect(community.slice(0, community.indexOf('</svg>'))).toContain('2026-03-17 #6: 2/5');
  });
});
