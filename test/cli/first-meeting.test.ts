// A new circle from `init` to its first meeting and a later one that revisits the rules:
// what circle.yaml and members.yaml hold afterwards, what the agenda, `purpose`, `rules`,
// `minutes` and `history` show, and that git holds every file (a clone is complete).
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { git, oncePerFile, tempDir } from '../helpers.js';
import { cli } from '../harness.js';

const CREATED = '2026-11-10';
const FIRST = '2026-11-17';
const SLUG = 'fresh-circle';

/** The first meeting of Fresh Circle: Ana (added with `members add`) and Ben (a newcomer). */
const FIRST_ANSWERS = {
  facilitator: 'Ana Souza',
  newcomers: ['Ben Okoro'],
  introductions: {
    'Ana Souza': { vision: 'Every child reads for pleasure by nine.', hopes: 'Lend each other rooms' },
    'Ben Okoro': { organization: 'Riverside Food Bank', vision: 'Nobody skips a meal.' },
  },
  purpose: {
    community: 'Families find the next door without falling through the gaps.',
    together: 'We refer to each other before we compete.',
    individually: 'Each of us plans from the change we want.',
    engagement: 'Volunteers stay because they see what changed.',
    statement: 'So that none of us carries the hardest parts of the job alone.',
    vision: 'We open our doors, rooms and contacts to one another.',
  },
  ground_rules: {
    discussion: 'Everyone speaks once before anyone speaks twice.',
    values: 'Honesty about what flopped.',
    trust: 'What is said here stays here.',
    culture: 'Curiosity over judgement.',
    '2': 'reword',
    '2.wording': 'We back each other, flops included.',
    '3': 'drop',
    added: ['Phones away.'],
  },
  format: {
    minutes: { introductions: 10, reflect: 35, learning: 50, next: 25 },
    cadence: 'every 4 weeks',
    day: 'Tuesday',
    start: '18:30',
    location: 'Riverside Library, Room B',
    traditions: ['introductions', 'name_tags', 'food'],
    new_traditions: ['Tea before we start'],
  },
  next: { 'Ana Souza': { will_practice: 'Visit the food bank. ++ Board recruitment' } },
  'next.topic': 'Grant writing',
};

const env = (today: string) => ({ env: { CIRCLE_TODAY: today } });

/** A git workspace with Fresh Circle and Ana added: made once per test file, and copied for each test. */
const template = oncePerFile(async () => {
  const root = tempDir('circle-first-');
  git(root, 'init', '-q', '-b', 'main');
  const init = await cli(['init', 'Fresh Circle', '--yes'], { cwd: root, ...env(CREATED) });
  expect(init.code, init.stderr).toBe(0);
  const add = await cli(['members', 'add', 'Ana Souza', '--org', 'Eastside Library', '--yes'], { cwd: root, ...env(CREATED) });
  expect(add.code, add.stderr).toBe(0);
  return root;
});

/** A copy of the template, with (`comments`) comments a facilitator wrote into both files. */
async function freshCircle(options: { comments?: boolean } = {}) {
  const root = tempDir('circle-first-');
  cpSync(await template(), root, { recursive: true, preserveTimestamps: true, verbatimSymlinks: true });
  const dir = join(root, 'circles', SLUG);
  if (options.comments) {
    const circle = join(dir, 'circle.yaml');
    writeFileSync(
      circle,
      readFileSync(circle, 'utf8')
        .replace('ground_rules:\n', '# Read these aloud when someone new joins. (Ana)\nground_rules:\n')
        .replace('  start: "18:00"\n', '  start: "18:00" # the library closes at 21:00\n'),
    );
    const members = join(dir, 'members.yaml');
    writeFileSync(members, readFileSync(members, 'utf8').replace('  - name: Ana Souza\n', '  # Ana founded the circle.\n  - name: Ana Souza\n'));
    git(root, 'commit', '-q', '-am', 'facilitator notes');
  }
  const answers = join(root, 'first.yaml');
  writeFileSync(answers, stringify(FIRST_ANSWERS));
  return { root, dir, answers };
}

const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');
const committed = (root: string, rev = 'HEAD') => git(root, 'show', '--name-only', '--format=', rev).trim().split('\n').sort();

describe('a new circle in a git repository', () => {
  it('commits the circle it creates, and each member added or removed, and nothing else staged', async () => {
    const root = tempDir('circle-first-');
    git(root, 'init', '-q', '-b', 'main');
    writeFileSync(join(root, 'notes.txt'), 'mine\n');
    git(root, 'add', 'notes.txt');
    const init = await cli(['init', 'Fresh Circle', '--yes'], { cwd: root, ...env(CREATED) });
    expect(init.code, init.stderr).toBe(0);
    expect(init.stderr).toContain('Committed: circle: start Fresh Circle');
    expect(git(root, 'log', '-1', '--format=%s')).toBe('circle: start Fresh Circle\n');
    // The workspace's .gitattributes (the merge driver for co-facilitators) goes with it.
    expect(committed(root)).toEqual([
      '.gitattributes',
      `circles/${SLUG}/.gitignore`,
      `circles/${SLUG}/circle.yaml`,
      `circles/${SLUG}/meetings/.gitkeep`,
      `circles/${SLUG}/members.yaml`,
    ]);
    expect(git(root, 'diff', '--cached', '--name-only').trim()).toBe('notes.txt');

    expect((await cli(['members', 'add', 'Ana Souza', '--yes'], { cwd: root, ...env(CREATED) })).code).toBe(0);
    expect(git(root, 'log', '-1', '--format=%s')).toBe('members: add Ana Souza\n');
    const removed = await cli(['members', 'remove', 'Ana Souza'], { cwd: root });
    expect(removed.stderr).toContain('Committed: members: remove Ana Souza');
    expect(committed(root)).toEqual([`circles/${SLUG}/members.yaml`]);
    expect(git(root, 'diff', '--cached', '--name-only').trim()).toBe('notes.txt');
    expect(git(root, 'status', '--porcelain', '--', 'circles')).toBe('');

    // git.commit: false leaves the change for the facilitator to commit.
    const circle = join(root, 'circles', SLUG, 'circle.yaml');
    writeFileSync(circle, read(join(root, 'circles', SLUG), 'circle.yaml').replace('commit: true', 'commit: false'));
    git(root, 'commit', '-q', '-m', 'no commits', '--', circle);
    const quiet = await cli(['members', 'add', 'Ben Okoro', '--yes'], { cwd: root, ...env(CREATED) });
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).not.toContain('Committed');
    expect(git(root, 'log', '-1', '--format=%s')).toBe('no commits\n');
  });

  it('outside a repository, creates the circle and commits nothing', async () => {
    const root = tempDir('circle-first-');
    const init = await cli(['init', 'Fresh Circle', '--yes'], { cwd: root, ...env(CREATED) });
    expect(init.code, init.stderr).toBe(0);
    expect(init.stderr).not.toMatch(/Committed|Not committed/);
  });
});

describe("a circle's first meeting from an answers file", () => {
  it('fills purpose, outcomes, rules, format, schedule and every vision, and the next agenda stands on them', async () => {
    const { root, dir, answers } = await freshCircle();
    const r = await cli(['meet', '--answers', answers], { cwd: root, ...env(FIRST) });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/agreed\s+Our purpose, Ground rules, How our meetings run \(circle\.yaml updated\)/);
    expect(r.stderr).toContain('Committed: minutes: Fresh Circle 2026-11-17');
    expect(committed(root)).toEqual([`circles/${SLUG}/circle.yaml`, `circles/${SLUG}/meetings/${FIRST}.yaml`, `circles/${SLUG}/members.yaml`]);

    const circle = read(dir, 'circle.yaml');
    expect(circle).toContain('purpose: So that none of us carries the hardest parts of the job alone.\n');
    expect(circle).toContain('  engagement: Volunteers stay because they see what changed.\n');
    expect(circle).toContain('vision: We open our doors, rooms and contacts to one another.\n');
    expect(circle).toContain(
      "ground_rules:\n  - We keep the conversation tied to the results we want for our community.\n  - We back each other, flops included.\n  - What is shared in trust stays in the room.\n  - Phones away.\n",
    );
    expect(circle).toMatch(/minutes: 10\n[\s\S]*minutes: 35\n[\s\S]*minutes: 50\n[\s\S]*minutes: 25\n/);
    expect(circle).toContain('  cadence: every 4 weeks on Tuesday\n  start: "18:30"\n  duration: 120\n  location: Riverside Library, Room B\n');
    expect(circle).toContain(`  anchor: ${FIRST}\n`);
    expect(circle).toContain('  - Food to share, with a rota for who brings it\n  - Tea before we start\n');
    const members = read(dir, 'members.yaml');
    expect(members).toContain('organization: Eastside Library\n    joined: 2026-11-10\n    active: true\n    vision: Every child reads for pleasure by nine.\n');
    expect(members).toContain('  - name: Ben Okoro\n    tag: Ben\n    organization: Riverside Food Bank\n    vision: Nobody skips a meal.\n');
    expect((await cli(['check'], { cwd: root })).code).toBe(0);

    // The next agenda is a regular one: purpose, what we want to be different, the rules, the new times.
    const agenda = await cli(['agenda'], { cwd: root, ...env('2026-11-20') });
    expect(agenda.code, agenda.stderr).toBe(0);
    expect(agenda.stdout).toContain('**Meeting 2 · Tuesday 15 December 2026**');
    expect(agenda.stdout).toContain('### Why we meet\n\nSo that none of us carries the hardest parts of the job alone.');
    expect(agenda.stdout).toContain('### Our vision\n\nWe open our doors, rooms and contacts to one another.');
    expect(agenda.stdout).toContain('### What we want to be different\n\n- **In the community:** Families find the next door');
    expect(agenda.stdout).toContain('- **Bringing others in:** Volunteers stay because they see what changed.');
    expect(agenda.stdout).toContain('## Ground rules');
    expect(agenda.stdout).toContain('- Phones away.');
    expect(agenda.stdout).toContain('## Time to Reflect · 18:40–19:15 · 35 min');
    expect(agenda.stdout).toContain('- **Ana Souza:** Visit the food bank.');
    expect(agenda.stdout).toContain('Tea before we start');
    expect(JSON.parse((await cli(['agenda', '--json'], { cwd: root, ...env('2026-11-20') })).stdout).kind).toBe('regular');

    // A co-facilitator who clones the workspace sees the same agenda.
    const clone = join(tempDir('circle-clone-'), 'ws');
    git(root, 'clone', '-q', root, clone);
    const theirs = await cli(['agenda'], { cwd: clone, ...env('2026-11-20') });
    expect(theirs.code, theirs.stderr).toBe(0);
    expect(theirs.stdout).toBe(agenda.stdout);

    // purpose and rules print them, and when they were agreed.
    const purpose = await cli(['purpose'], { cwd: root });
    expect(purpose.stdout).toContain('Our purpose\n  So that none of us carries the hardest parts of the job alone.\n');
    expect(purpose.stdout).toContain('Our vision\n  We open our doors, rooms and contacts to one another.\n');
    expect(purpose.stdout).toContain('  Working together: We refer to each other before we compete.\n');
    expect(purpose.stdout).toContain('Agreed at meeting 1 (Tuesday 17 November 2026).');
    const json = JSON.parse((await cli(['purpose', '--json'], { cwd: root })).stdout);
    expect(json).toMatchObject({ purpose: 'So that none of us carries the hardest parts of the job alone.', vision: 'We open our doors, rooms and contacts to one another.', agreed: [{ date: FIRST, number: 1 }] });
    expect(Object.keys(json.outcomes)).toEqual(['community', 'together', 'individually', 'engagement']);
    const rules = await cli(['rules'], { cwd: root });
    expect(rules.stdout).toMatch(/^Ground rules\n {2}1\. We keep the conversation[^\n]*\n {2}2\. We back each other, flops included\.\n/);
    expect(JSON.parse((await cli(['rules', '--json'], { cwd: root })).stdout).ground_rules).toHaveLength(4);

    // The minutes of the first meeting show what was agreed; there was no Reflect.
    const minutes = await cli(['minutes'], { cwd: root });
    expect(minutes.stdout).toContain('## Our purpose\n\n- **Our purpose:** So that none of us carries the hardest parts of the job alone.\n\n- **Our vision:** We open our doors, rooms and contacts to one another.');
    expect(minutes.stdout).toContain('### Reworded\n\n- We back each other, flops included. (before: We back each other\'s efforts; the circle succeeds when each member does.)');
    expect(minutes.stdout).toContain('### Dropped\n\n- We talk about how we can, not why we can\'t.');
    expect(minutes.stdout).toContain('- **How often:** every 4 weeks on Tuesday');
    expect(minutes.stdout).toContain('- **Time to Reflect:** 35 min');
    expect(minutes.stdout).not.toContain('## Time to Reflect');
    expect(minutes.stdout).toMatch(/## What's Next\?[\s\S]*### Topics the group asked to learn about\n\n- Board recruitment \(asked by Ana Souza\)/);
    // Shared outside the circle: what was agreed, not what each of us said.
    const open = await cli(['minutes', '--public'], { cwd: root });
    expect(open.stdout).toContain('- Phones away.');
    expect(open.stdout).not.toContain('Everyone speaks once');
    // A speaker request typed with ++ in What's Next waits in the backlog (a first meeting has no Reflect).
    const topics = await cli(['topics'], { cwd: root });
    expect(topics.stdout).toContain("  1. Board recruitment\n     asked once, first on Tuesday 17 November 2026 (Ana Souza)");
    const history = await cli(['history'], { cwd: root });
    expect(history.stdout).toMatch(/2026-11-17 +1 +2\/2 +agreed: purpose, rules, format +Grant writing/);
  });

  it('refuses a bad answers file with every problem at once and writes nothing', async () => {
    const { root, dir, answers } = await freshCircle();
    writeFileSync(
      answers,
      stringify({ ...FIRST_ANSWERS, ground_rules: { ...FIRST_ANSWERS.ground_rules, '3': 'ditch' }, 'format.start': '7pm', 'format.minutes.reflect': 'lots', 'ground_rules.9': 'keep' }),
    );
    const before = [read(dir, 'circle.yaml'), read(dir, 'members.yaml')];
    const r = await cli(['meet', '--answers', answers], { cwd: root, ...env(FIRST) });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('first.yaml: ground_rules.3: expected one of: keep, reword, drop');
    expect(r.stderr).toContain('first.yaml: format.minutes.reflect: whole minutes, e.g. 45');
    expect(r.stderr).toContain('first.yaml: format.start: use a 24-hour time like 18:00');
    expect(r.stderr).toContain('no such step in this meeting: ground_rules.9');
    expect([read(dir, 'circle.yaml'), read(dir, 'members.yaml')]).toEqual(before);
    expect(existsSync(join(dir, 'meetings', `${FIRST}.yaml`))).toBe(false);
    expect(existsSync(join(dir, '.draft.yaml'))).toBe(false);
    expect(git(root, 'status', '--porcelain', '--', 'circles')).toBe('');
  });
});

describe('answers files written for older versions', () => {
  it('reads the older step ids (intro.…, rules.…) as today\'s, and names a wrong one as the file does', async () => {
    const { root, dir, answers } = await freshCircle();
    const { introductions, ground_rules, ...rest } = FIRST_ANSWERS;
    writeFileSync(answers, stringify({ ...rest, intro: introductions, rules: { ...ground_rules, '3': 'ditch' } }));
    const bad = await cli(['meet', '--answers', answers], { cwd: root, ...env(FIRST) });
    expect(bad.stderr).toContain('first.yaml: rules.3: expected one of: keep, reword, drop');
    writeFileSync(answers, stringify({ ...rest, intro: introductions, rules: ground_rules }));
    const r = await cli(['meet', '--answers', answers], { cwd: root, ...env(FIRST) });
    expect(r.code, r.stderr).toBe(0);
    expect(read(dir, 'circle.yaml')).toContain('  - We back each other, flops included.\n  - What is shared in trust stays in the room.\n  - Phones away.\n');
    expect(read(dir, 'members.yaml')).toContain('organization: Riverside Food Bank');
  });
});

describe('the rhythm agreed at a first meeting', () => {
  it('counts "every N weeks" from the next date the group chose, so the meetings after it follow on from it', async () => {
    const { root, dir, answers } = await freshCircle();
    const format = { ...FIRST_ANSWERS.format, cadence: 'every 3 weeks', day: 'Wednesday' };
    writeFileSync(answers, stringify({ ...FIRST_ANSWERS, format, 'next.date': '2027-01-06' }));
    const r = await cli(['meet', '--answers', answers], { cwd: root, ...env(FIRST) });
    expect(r.code, r.stderr).toBe(0);
    expect(read(dir, 'circle.yaml')).toContain('  anchor: 2027-01-06\n');
    const agenda = JSON.parse((await cli(['agenda', '--json'], { cwd: root, ...env('2026-12-01') })).stdout);
    expect([agenda.date, agenda.following]).toEqual(['2027-01-06', '2027-01-27']);
  });
});

describe('revisiting the ground rules at a later meeting', () => {
  it('changes one rule, says so in that meeting\'s minutes and history, and keeps the comments of both files', async () => {
    const { root, dir, answers } = await freshCircle({ comments: true });
    expect((await cli(['meet', '--answers', answers], { cwd: root, ...env(FIRST) })).code).toBe(0);
    const afterFirst = [read(dir, 'circle.yaml'), read(dir, 'members.yaml')];
    expect(afterFirst[0]).toContain('# Read these aloud when someone new joins. (Ana)\nground_rules:\n');
    expect(afterFirst[0]).toContain('  start: "18:30" # the library closes at 21:00\n');
    expect(afterFirst[0]).toContain('# Every meeting has the same rhythm.'); // the template's own comments too
    expect(afterFirst[1]).toContain('  # Ana founded the circle.\n  - name: Ana Souza\n');

    const revisit = join(root, 'revisit.yaml');
    writeFileSync(revisit, stringify({ attendance: ['Ana Souza', 'Ben Okoro'], ground_rules: { trust: 'Ben asked for it.', '4': 'reword', '4.wording': 'Phones away unless you are on call.' } }));
    const r = await cli(['meet', '--revisit', 'rules', '--answers', revisit], { cwd: root, ...env('2026-12-15') });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/agreed\s+Ground rules \(circle\.yaml updated\)/);
    expect(committed(root)).toEqual([`circles/${SLUG}/circle.yaml`, `circles/${SLUG}/meetings/2026-12-15.yaml`]);

    const circle = read(dir, 'circle.yaml');
    expect(circle).toContain('  - What is shared in trust stays in the room.\n  - Phones away unless you are on call.\n');
    expect(circle).toContain('# Read these aloud when someone new joins. (Ana)\nground_rules:\n');
    expect(circle).toContain('  start: "18:30" # the library closes at 21:00\n');
    expect(git(root, 'diff', 'HEAD~1', '--numstat', '--', `circles/${SLUG}/circle.yaml`)).toMatch(/^1\t1\t/); // one line changed
    expect(read(dir, 'members.yaml')).toBe(afterFirst[1]);

    const minutes = await cli(['minutes', '2026-12-15'], { cwd: root });
    expect(minutes.stdout).toContain('## Ground rules\n\n### What we said\n\n- **Trust:** Ben asked for it.');
    expect(minutes.stdout).toContain('### Reworded\n\n- Phones away unless you are on call. (before: Phones away.)');
    const rules = await cli(['rules'], { cwd: root });
    expect(rules.stdout).toContain('  4. Phones away unless you are on call.');
    expect(rules.stdout).toContain('Agreed at meeting 1 (Tuesday 17 November 2026); changed at meeting 2 (Tuesday 15 December 2026).');
    expect((await cli(['history'], { cwd: root })).stdout).toMatch(/2026-12-15 +2 +2\/2 +Grant writing · agreed: rules/);
  });

  it('refuses a section it does not know, with exit 2', async () => {
    const { root, answers } = await freshCircle();
    const r = await cli(['meet', '--revisit', 'vibes', '--answers', answers], { cwd: root, ...env(FIRST) });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--revisit vibes: choose purpose, rules or format');
  });
});
