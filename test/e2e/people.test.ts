// Issue 17 on a real terminal: ticking an open question answered at Learning Together,
// and `members remove` confirming a member named by anything but their whole name.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { circleTree, testdir } from '../harness.js';
import { hasTmux, inCI, Tmux } from './tmux.js';

/** The tiny circle with a first meeting that raised two questions nobody has answered yet. */
const withQuestions = () =>
  testdir(
    circleTree('tiny', {
      'meetings/2026-01-06.yaml': {
        date: '2026-01-06',
        number: 1,
        facilitator: 'Ana Souza',
        attendance: { present: ['Ana Souza', 'Ben Okafor'], expected: ['Ana Souza', 'Ben Okafor'] },
        learning: { questions: ['How do boards vote?', 'Who pays for the checks?'] },
      },
    }),
  );

describe.skipIf(!hasTmux && !inCI)('people and open questions on a terminal', () => {
  let tmux: Tmux | undefined;
  afterEach(() => tmux?.kill());

  it('ticks an open question answered at Learning Together; the other stays open', async () => {
    if (!hasTmux) throw new Error('tmux is required for the end-to-end test in CI (apt-get install tmux)');
    const root = withQuestions();
    tmux = new Tmux('2026-01-20');
    const t = tmux;
    const asking = (q: string) => t.waitFor((s) => s.split('\n').some((l) => l.startsWith(`? ${q}`)), `the question "${q}"`);
    t.start(root, ['meet']);
    await t.answer('Who is facilitating today?');
    await t.answer('Who is here?');
    await t.answer('Guests (visitors who are not joining) (1;');
    await t.answer('Newcomers joining the circle today (1;');
    await t.answer("Note everyone's introductions (2 members here)?");
    for (const name of ['Ana Souza', 'Ben Okafor']) {
      await t.see(`${name} has no commitment open.`);
      await asking('What did you try since we last met?');
      t.keys('Escape'); // the rest of their turn
      await t.see(`(the rest of ${name}'s turn skipped)`);
    }
    await t.answer('Any other topics the group wants a speaker on? (1;');
    await t.answer('A speaker or a dialogue?');
    await t.answer('Topic');
    await t.answer('Speaker (or who led the dialogue)');
    await t.answerLines('Notes from the session');
    await t.answer('Questions the group raised (1;');
    // Both still open, most asked first; the second is ticked.
    await asking('Still open from earlier meetings');
    await t.see(/❯◯ How do boards vote\?\n ◯ Who pays for the checks\?/);
    t.keys('Down', 'Space');
    await t.see(/◉ Who pays for the checks\?/);
    t.keys('Enter');
    for (const name of ['Ana Souza', 'Ben Okafor']) {
      await t.see(name);
      await asking('What stood out for you today');
      t.keys('Escape');
      await t.see(`(the rest of ${name}'s turn skipped)`);
    }
    await t.answerNextAndCloseWithDefaults();
    await t.answer('Write the minutes, or correct an answer?');
    expect(await t.exitCode()).toBe(0);
    const minutes = parse(readFileSync(join(root, 'circles/tiny/meetings/2026-01-20.yaml'), 'utf8'));
    expect(minutes.learning.answered).toEqual(['Who pays for the checks?']);
    expect(minutes.learning.questions ?? []).toEqual([]);
  }, 90_000);

  it('members remove asks before removing a member named by their tag, and changes nothing on no', async () => {
    if (!hasTmux) throw new Error('tmux is required for the end-to-end test in CI (apt-get install tmux)');
    const root = testdir(circleTree('tiny'));
    const members = join(root, 'circles/tiny/members.yaml');
    tmux = new Tmux('2026-01-20');
    const t = tmux;
    t.start(root, ['members', 'remove', 'ana']);
    await t.answer('Mark Ana Souza as no longer active?', 'n');
    expect(await t.exitCode()).toBe(1);
    await t.see('nothing was changed.');
    expect(readFileSync(members, 'utf8')).not.toContain('active: false');
    t.start(root, ['members', 'remove', 'ana']);
    await t.answer('Mark Ana Souza as no longer active?', 'y');
    expect(await t.exitCode()).toBe(0);
    expect(parse(readFileSync(members, 'utf8')).members[0]).toMatchObject({ name: 'Ana Souza', active: false });
  }, 60_000);
});
