// `circle meet` in a real pseudo-terminal: tmux types through attendance and Reflect,
// presses Ctrl-C, resumes, finishes, and the minutes must hold every answer typed.
// The screen is polled for the expected prompt before each key press; nothing sleeps blindly.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { circle, makeWorkspace } from '../helpers.js';
import { hasTmux, inCI, Tmux } from './tmux.js';

const REFLECT = ['What did you try', 'What surprised you', 'What gave you energy', 'What changed', 'What fell flat', 'What new question'];

/**
 * Attendance: the active members are ticked, Grace (returning) is not. `a` ticks all,
 * `a` again unticks all, then tick José and Łucja.
 */
async function tickJoseAndLucja(t: Tmux): Promise<void> {
  await t.see('Grace Whitfield (returning)');
  t.keys('a');
  await t.waitFor((s) => (s.match(/◉/g) ?? []).length === 8, 'everyone ticked');
  t.keys('a');
  await t.waitFor((s) => !/◉/.test(s), 'everyone unticked');
  t.keys('Space', 'Down', 'Space');
  await t.waitFor((s) => (s.match(/◉/g) ?? []).length === 2, 'two ticked');
  t.keys('Enter');
}

describe.skipIf(!hasTmux && !inCI)('circle meet in a terminal', () => {
  let tmux: Tmux | undefined;
  afterEach(() => tmux?.kill());

  it('survives Ctrl-C, resumes, and keeps every answer typed', async () => {
    if (!hasTmux) throw new Error('tmux is required for the end-to-end test in CI (apt-get install tmux)');
    const { root, circleDir } = makeWorkspace({ example: true });
    tmux = new Tmux();
    const t = tmux;

    t.start(root, ['meet']);
    // The facilitator is picked from the members; last time's is offered first.
    await t.see('❯ Amara Okafor');
    await t.answer('Who is facilitating today?');
    await tickJoseAndLucja(t);
    // Those not ticked are asked for an apology, by their name tag.
    await t.answer('Alexis is not here: any apology or message?');
    await t.answer('Юлия is not here: any apology or message?', 'Visiting family in Tver');
    for (const tag of ['Amara', 'Siobhán', 'Thảo']) await t.answer(`${tag} is not here`);
    // Last time's speaker is expected: Enter counts them as a guest.
    await t.answer('Dr Nadia Karim (psychologist, Riverside Community Health Clinic), the speaker we expect, is here as a guest?');
    await t.answer('Guests (visitors who are not joining) (1;', 'Pat Visitor');
    await t.answer('Guests (visitors who are not joining) (2;');
    await t.answer('Newcomers joining the circle today (1;');
    await t.answer("Note everyone's introductions (2 members here)?");

    // The header, José's turn and his commitment are printed one after another: wait for each.
    await t.see('== Time to Reflect · 40 min planned ==');
    await t.see(/José Álvarez\s+\[Time to Reflect: \d+ of 40 min\]/);
    await t.see('Last time José Álvarez meant to: Call the Seniors');
    await t.answer(REFLECT[0]!, 'Drew up a winter rota ++ Sharing vans');
    await t.answer(REFLECT[1]!, 'Three drivers said yes');
    // Esc skips the rest of José's questions; whether what he said stays in confidence is still asked.
    await t.waitFor((s) => s.split('\n').some((l) => l.startsWith(`? ${REFLECT[2]}`)), 'his third question');
    t.keys('Escape');
    await t.answer('Keep what José shared in confidence'); // Enter: no
    await t.waitFor((s) => s.includes('Last time Łucja Nowak meant to'), "Łucja's commitment");
    await t.answer(REFLECT[0]!, 'Named our referral contact');

    // Ctrl-C in the middle of Łucja's turn.
    await t.waitFor((s) => s.split('\n').some((l) => l.startsWith(`? ${REFLECT[1]}`)), 'the next question');
    t.keys('C-c');
    expect(await t.exitCode()).toBe(130);
    await t.see('draft saved — run `circle meet --resume`');
    expect(readFileSync(join(circleDir, '.draft.yaml'), 'utf8')).toContain('Named our referral contact');

    t.start(root, ['meet', '--resume']);
    await t.see(/Resuming the meeting of 2026-11-17 \(\d+ answers kept\)/);
    await t.waitFor((s) => s.includes('Last time Łucja Nowak meant to: Name the library'), "Łucja's commitment, again");
    for (const q of REFLECT.slice(1)) await t.answer(q);
    await t.answer('Keep what Łucja shared in confidence', 'y');
    await t.answer('Any other topics the group wants a speaker on? (1;', 'Board recruitment');
    await t.answer('Any other topics the group wants a speaker on? (2;');
    await t.answer('A speaker or a dialogue?'); // default: a speaker, as chosen last time
    await t.answer('Topic');
    await t.answer('Speaker (or who led the dialogue)');
    await t.answerLines('Notes from the session', 'Early signs of burnout and what helps');
    await t.answer('Questions the group raised (1;', 'How do we notice it in volunteers?');
    await t.answer('Questions the group raised (2;');
    await t.answer('Still open from earlier meetings: which did the group answer tonight?'); // Enter: none
    await t.answer('What stood out for you today');
    await t.answer('What will you put into practice', 'Call two drivers');
    await t.answer('What would you like us to learn', 'Volunteer care');
    for (const q of ['What stood out for you today', 'What will you put into practice', 'What would you like us to learn']) await t.answer(q);
    await t.answer('Topic for next time'); // the first idea: the most asked for (as `circle topics` orders them)
    await t.answer('Speaker for next time, if known');
    await t.answer('Date of the next meeting');
    await t.answerLines('Anything to carry to next time (who brings food, a reminder)?', 'Lucja brings food');
    await t.answer('How useful was today', '4');
    await t.answer('One thing to change next time', 'Start on time');
    await t.answerLines('Anything else for the minutes (news, thanks)?', 'Thanks to the library');
    await t.answer('Write the minutes, or correct an answer?'); // the review: Enter writes
    expect(await t.exitCode()).toBe(0);
    await t.see('Meeting 7 on 2026-11-17: minutes written to circles/riverside-leaders/meetings/2026-11-17.yaml');

    const minutes = readFileSync(join(circleDir, 'meetings', '2026-11-17.yaml'), 'utf8');
    for (const typed of [
      'facilitator: Amara Okafor',
      '    - José Álvarez\n    - Łucja Nowak\n  guests:\n    - Dr Nadia Karim (psychologist, Riverside Community Health Clinic)\n    - Pat Visitor',
      'tried: Drew up a winter rota',
      'surprised: Three drivers said yes',
      'tried: Named our referral contact\n      private: true',
      '- topic: Sharing vans\n      by: José Álvarez',
      '- topic: Board recruitment',
      'notes: Early signs of burnout and what helps',
      '- How do we notice it in volunteers?',
      'verdict:\n  useful: 4\n  change: Start on time',
      'will_practice: Call two drivers',
      'wants_to_learn: Volunteer care',
      '  topic: Describing our impact to funders\n',
      'date: 2026-12-15\n  notes: Lucja brings food',
      'notes: Thanks to the library',
      '  absent:\n    - member: Αλέξης Παππάς\n    - member: Юлия Смирнова\n      apology: Visiting family in Tver',
    ]) {
      expect(minutes).toContain(typed);
    }
  }, 90_000);

  it('files every answer under the right person after Esc and Enter sent at once; goes back a question, across people; keeps a half-typed line on Ctrl-C; corrects an answer at the review', async () => {
    if (!hasTmux) throw new Error('tmux is required for the end-to-end test in CI (apt-get install tmux)');
    const { root, circleDir } = makeWorkspace({ example: true });
    tmux = new Tmux();
    const t = tmux;
    const asking = (q: string) => t.waitFor((s) => s.split('\n').some((l) => l.startsWith(`? ${q}`)), `the question "${q}"`);

    t.start(root, ['meet']);
    await t.see('Shift-Tab goes back a question');
    await t.answer('Who is facilitating today?');
    await tickJoseAndLucja(t);
    for (const tag of ['Alexis', 'Юлия', 'Amara', 'Siobhán', 'Thảo']) await t.answer(`${tag} is not here`);
    await t.answer('Dr Nadia Karim', 'n');
    await t.answer('Guests (visitors who are not joining) (1;');
    await t.answer('Newcomers joining the circle today (1;');
    await t.answer("Note everyone's introductions (2 members here)?");

    await t.see('Last time José Álvarez meant to: Call the Seniors');
    await t.answer(REFLECT[0]!, 'Drew up a winter rota');
    // Esc and Enter in one send: Esc skips the rest of José's turn, Enter answers the next question (in confidence? no).
    await asking(REFLECT[1]!);
    t.keys('Escape', 'Enter');
    await t.see("(the rest of José Álvarez's turn skipped)");
    await t.waitFor((s) => s.includes('Last time Łucja Nowak meant to'), "Łucja's turn");
    await t.answer(REFLECT[0]!, 'Set up the WhatsApp group');

    // Shift-Tab: back to Łucja's first answer, there to change.
    await asking(REFLECT[1]!);
    t.keys('BTab');
    await asking(`${REFLECT[0]} since we last met? Set up the WhatsApp group`);
    t.keys('C-u');
    await t.answer(REFLECT[0]!, 'Set up the Signal group');
    // Back twice: past Łucja's first answer to José's last question, which is changed (kept in confidence).
    await asking(REFLECT[1]!);
    t.keys('BTab');
    await asking(`${REFLECT[0]} since we last met? Set up the Signal group`);
    t.keys('BTab');
    await asking('Keep what José shared in confidence');
    await t.answer('Keep what José shared in confidence', 'y');
    // Forward again: Łucja's first answer as she gave it, Enter keeps it.
    await asking(`${REFLECT[0]} since we last met? Set up the Signal group`);
    t.keys('Enter');

    // Ctrl-C with a line typed and not entered: it is kept, and comes back on resume.
    await asking(REFLECT[1]!);
    t.keys('-l', 'Half a tho');
    await asking(`${REFLECT[1]}? Half a tho`);
    t.keys('C-c');
    expect(await t.exitCode()).toBe(130);
    expect(readFileSync(join(circleDir, '.draft.yaml'), 'utf8')).toContain('Half a tho');
    t.start(root, ['meet', '--resume']);
    await asking(`${REFLECT[1]}? Half a tho`);
    await t.answer(REFLECT[1]!, 'ught');

    for (const q of REFLECT.slice(2, 5)) await t.answer(q);
    // Ctrl-T: this one answer is kept in confidence.
    await asking(REFLECT[5]!);
    t.keys('C-t');
    await asking(`${REFLECT[5]} came up that the group could help with? [in confidence]`);
    await t.answer(REFLECT[5]!, 'Our treasurer may step down');
    await t.answer('Keep what Łucja shared in confidence');
    await t.answer('Any other topics the group wants a speaker on? (1;');
    await t.answer('A speaker or a dialogue?');
    await t.answer('Topic');
    await t.answer('Speaker (or who led the dialogue)');
    await t.answerLines('Notes from the session', 'Early signs of burnout.', 'What helps: rotas, rest.');
    await t.answer('Questions the group raised (1;');
    await t.answer('Still open from earlier meetings'); // Enter: none answered
    for (let i = 0; i < 2; i++) for (const q of ['What stood out for you today', 'What will you put into practice', 'What would you like us to learn']) await t.answer(q);
    await t.answerNextAndCloseWithDefaults();

    // The review: every answer by section and person; one is opened and corrected, then Enter writes the minutes.
    await asking('Write the minutes, or correct an answer?');
    await t.see('── Welcome and attendance');
    t.keys('-l', 'Łucja Nowak · What did');
    await t.see(/❯ Łucja Nowak · What did you try since we last met\?: Set up the Signal group/);
    t.keys('Enter');
    await asking(`${REFLECT[0]} since we last met? Set up the Signal group`);
    t.keys('C-u');
    await t.answer(REFLECT[0]!, 'Set up the Signal group for drivers');
    await asking('Write the minutes, or correct an answer?');
    t.keys('Enter');
    expect(await t.exitCode()).toBe(0);

    const minutes = readFileSync(join(circleDir, 'meetings', '2026-11-17.yaml'), 'utf8');
    expect(minutes).toContain('  members:\n    - member: José Álvarez\n      commitment: Call the Seniors');
    expect(minutes).toMatch(/- member: José Álvarez\n(.*\n)*?      tried: Drew up a winter rota\n      private: true\n    - member: Łucja Nowak\n/);
    expect(minutes).toMatch(/- member: Łucja Nowak\n(.*\n)*?      tried: Set up the Signal group for drivers\n      surprised: Half a thought\n/);
    expect(minutes).not.toContain('WhatsApp');
    expect(minutes).toContain('      new_issues: Our treasurer may step down\n      in_confidence:\n        - new_issues\n');
    expect(minutes).toContain('  notes: |-\n    Early signs of burnout.\n    What helps: rotas, rest.\n');
  }, 120_000);

  it('asks whether to resume or discard a draft, and discards only when confirmed', async () => {
    if (!hasTmux) throw new Error('tmux is required for the end-to-end test in CI (apt-get install tmux)');
    const { root, circleDir } = makeWorkspace({ example: true });
    tmux = new Tmux();
    const t = tmux;
    const draft = join(circleDir, '.draft.yaml');

    t.start(root, ['meet']);
    await t.answer('Who is facilitating today?', 'Amara Okafor');
    await t.waitFor((s) => s.includes('? Who is here?'), 'the attendance checkbox');
    t.keys('C-c');
    expect(await t.exitCode()).toBe(130);
    await t.see('draft saved — run `circle meet --resume`');

    t.start(root, ['meet']);
    await t.waitFor((s) => s.includes('? A meeting of 2026-11-17 was interrupted with 1 answer kept.'), 'the resume-or-discard question');
    t.keys('Down', 'Enter');
    await t.answer('Throw away the 1 answer of 2026-11-17?'); // Enter: no, keep it
    await t.waitFor((s) => s.includes('? Who is here?'), 'the meeting resumed at attendance');
    t.keys('C-c');
    expect(await t.exitCode()).toBe(130);
    expect(readFileSync(draft, 'utf8')).toContain('facilitator: Amara Okafor');

    t.start(root, ['meet']);
    await t.waitFor((s) => s.includes('? A meeting of 2026-11-17 was interrupted'), 'the question again');
    t.keys('Down', 'Enter');
    await t.answer('Throw away the 1 answer of 2026-11-17?', 'y');
    await t.waitFor((s) => s.includes('? Who is facilitating today?'), 'a fresh start');
    t.keys('C-c');
    expect(await t.exitCode()).toBe(130);
    // Nothing answered, nothing saved: no draft to point at.
    const screen = await t.see('the meeting was not started: nothing was saved.');
    expect(screen.slice(screen.lastIndexOf('Throw away'))).not.toContain('draft saved');
    expect(existsSync(draft)).toBe(false);
    t.start(root, ['meet', '--resume']);
    await t.see('there is no interrupted meeting to resume');
    expect(await t.exitCode()).toBe(1);
  }, 60_000);

  it('keeps each list item typed before Ctrl-C, and ends on Ctrl-D like on Ctrl-C', async () => {
    if (!hasTmux) throw new Error('tmux is required for the end-to-end test in CI (apt-get install tmux)');
    const { root, circleDir } = makeWorkspace({ example: true });
    tmux = new Tmux();
    const t = tmux;
    t.start(root, ['meet']);
    await t.answer('Who is facilitating today?');
    await t.answer('Who is here?');
    await t.answer('Dr Nadia Karim');
    await t.answer('Guests (visitors who are not joining) (1;', 'Pat Visitor');
    await t.waitFor((s) => s.split('\n').some((l) => l.startsWith('? Guests (visitors who are not joining) (2;')), 'the second guest');
    t.keys('C-c');
    expect(await t.exitCode()).toBe(130);
    expect(readFileSync(join(circleDir, '.draft.yaml'), 'utf8')).toContain('Pat Visitor');

    t.start(root, ['meet', '--resume']);
    await t.see('✔ Guests (visitors who are not joining) (1) Pat Visitor');
    await t.waitFor((s) => s.split('\n').some((l) => l.startsWith('? Guests (visitors who are not joining) (2;')), 'the second guest, again');
    t.keys('C-d');
    expect(await t.exitCode()).toBe(130);
    await t.see('input ended (Ctrl-D): draft saved — run `circle meet --resume`');
  }, 60_000);

  it("runs a new circle's first meeting: introductions, purpose, ground rules (Ctrl-C and --resume in the middle), format, What's Next", async () => {
    if (!hasTmux) throw new Error('tmux is required for the end-to-end test in CI (apt-get install tmux)');
    const { root } = makeWorkspace();
    const init = circle(['init', 'Fresh Circle', '--yes'], { cwd: root, env: { CIRCLE_TODAY: '2026-11-10' } });
    expect(init.code, init.stderr).toBe(0);
    const dir = join(root, 'circles', 'fresh-circle');
    tmux = new Tmux();
    const t = tmux;

    t.start(root, ['meet']);
    await t.answer('Who is facilitating today?', 'Ana Souza');
    await t.see('Nobody is in members.yaml yet: list everyone present as a newcomer.');
    await t.answer('Guests (visitors who are not joining) (1;');
    await t.answer('Newcomers joining the circle today (1;', 'Ana Souza');
    await t.answer('Newcomers joining the circle today (2;', 'Ben Okoro');
    await t.answer('Newcomers joining the circle today (3;');
    await t.see(/Ana Souza\s+\[Welcome and introductions: \d+ of 45 min\]/); // the first meeting's share of 120 minutes
    await t.answer('Organisation', 'Eastside Library');
    await t.answer('Picture your mission', 'Everyone in Eastside reads for pleasure.');
    await t.answer('What could this group do');
    await t.answer('Organisation', 'Riverside Food Bank');
    await t.answer('Picture your mission', 'Nobody skips a meal.');
    await t.answer('What could this group do');

    await t.see('== Our purpose · 30 min planned ==');
    await t.answerLines('…in the results we see in the community?', 'Families find the next door.');
    await t.answerLines('…in how we work with each other?', 'We refer before we compete.');
    await t.answerLines('…in the work each of us does?');
    await t.answerLines('…in the way we bring others into this work?');
    await t.answerLines('Our purpose, in a sentence or two', 'So that none of us works alone.');
    await t.answerLines('Our vision, what this group can do for one another, in a sentence or two', 'We open our doors to one another.');

    await t.see('== Ground rules · 20 min planned ==');
    await t.answerLines('What does a really good discussion look like, and what helps it happen?', 'Everyone speaks once before anyone twice.');
    await t.answerLines('Which values do we want to live out with each other and with newcomers?', 'Honesty about what flopped.');
    // Ctrl-C in the middle of the ground-rules discussion.
    await t.waitFor((s) => s.split('\n').some((l) => l.startsWith('? What builds trust here')), 'the trust question');
    t.keys('C-c');
    expect(await t.exitCode()).toBe(130);
    await t.see('draft saved — run `circle meet --resume`');
    expect(readFileSync(join(dir, '.draft.yaml'), 'utf8')).toContain('Honesty about what flopped.');

    t.start(root, ['meet', '--resume']);
    await t.see('Resuming the meeting of 2026-11-17 (18 answers kept)');
    await t.answerLines('What builds trust here, and which rules would protect it?', 'What is said here stays here.');
    await t.answerLines("What should this group's culture rest on, and which rules would turn that into habit?");
    await t.answer('Rule 1 of 4'); // Enter: keep
    await t.waitFor((s) => s.split('\n').some((l) => l.startsWith('? Rule 2 of 4')), 'rule 2');
    t.keys('Down', 'Enter'); // reword
    // The old words are there to edit: Ctrl-U clears them.
    await t.see("? Rule 2 in its new words We back each other's efforts");
    t.keys('C-u');
    await t.answer('Rule 2 in its new words', 'We back each other, flops included.');
    await t.waitFor((s) => s.split('\n').some((l) => l.startsWith('? Rule 3 of 4')), 'rule 3');
    t.keys('Down', 'Down', 'Enter'); // drop
    await t.answer('Rule 4 of 4');
    await t.answer('A new rule to add (1;', 'Phones away.');
    await t.answer('A new rule to add (2;');

    await t.see('== How our meetings run · 10 min planned ==');
    await t.answer('Minutes for Welcome and introductions', '10');
    await t.answer('Minutes for Time to Reflect', '30');
    await t.answer('Minutes for Learning Together', '25');
    await t.answer("Minutes for What's Next?", '15');
    await t.see('The sections add up to 80 minutes: under 90 there is seldom time to reflect, learn and plan.');
    await t.answer('How often do we meet?'); // every other week, as proposed
    await t.answer('On which day?');
    await t.answer('Starting time (24 h)', '18:30');
    await t.answer('Where do we meet?', 'Hall B');
    await t.answer('Which traditions do we keep?');
    await t.answer('Another tradition to start (1;', 'Tea first');
    await t.answer('Another tradition to start (2;');

    await t.see("== What's Next? · 15 min planned ==");
    for (let i = 0; i < 2; i++) {
      await t.answer('What stood out for you today');
      await t.answer('What will you put into practice', i === 0 ? 'Visit the food bank' : '');
      await t.answer('What would you like us to learn');
    }
    await t.answer('Topic for next time', 'Grant writing');
    await t.answer('Speaker for next time, if known');
    await t.see('? Date of the next meeting (2026-12-01)'); // by the schedule just agreed
    await t.answer('Date of the next meeting');
    await t.answerLines('Anything to carry to next time (who brings food, a reminder)?');
    await t.answer('How useful was today');
    await t.answer('One thing to change next time');
    await t.answerLines('Anything else for the minutes (news, thanks)?');
    await t.answer('Write the minutes, or correct an answer?');
    expect(await t.exitCode()).toBe(0);
    await t.see('Meeting 1 on 2026-11-17: minutes written to circles/fresh-circle/meetings/2026-11-17.yaml');
    await t.see('warning: the format adds up to 80 minutes');

    const minutes = readFileSync(join(dir, 'meetings', '2026-11-17.yaml'), 'utf8');
    for (const typed of [
      '  present:\n    - Ana Souza\n    - Ben Okoro\n',
      'vision: Nobody skips a meal.',
      'statement: So that none of us works alone.',
      'vision: We open our doors to one another.',
      '    trust: What is said here stays here.',
      '    - from: We back each other\'s efforts; the circle succeeds when each member does.\n      to: We back each other, flops included.',
      '  dropped:\n    - We talk about how we can, not why we can\'t.',
      'will_practice: Visit the food bank',
    ]) {
      expect(minutes).toContain(typed);
    }
    expect(minutes).not.toMatch(/^(reflect|learning):/m); // no Reflect or Learning Together at a first meeting
    const circleYaml = readFileSync(join(dir, 'circle.yaml'), 'utf8');
    expect(circleYaml).toContain('purpose: So that none of us works alone.');
    expect(circleYaml).toContain('  community: Families find the next door.');
    expect(circleYaml).toContain('  - We back each other, flops included.\n  - What is shared in trust stays in the room.\n  - Phones away.\n');
    expect(circleYaml).toContain('  start: "18:30"\n  duration: 80\n  location: Hall B\n');
    const members = readFileSync(join(dir, 'members.yaml'), 'utf8');
    expect(members).toContain('  - name: Ana Souza\n    tag: Ana\n    organization: Eastside Library\n    vision: Everyone in Eastside reads for pleasure.\n');
  }, 120_000);
});
