// `circle meet` in a real pseudo-terminal: tmux types through attendance and Reflect,
// presses Ctrl-C, resumes, finishes, and the minutes must hold every answer typed.
// The screen is polled for the expected prompt before each key press; nothing sleeps blindly.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { circle, makeWorkspace } from '../helpers.js';
import { hasTmux, inCI, Tmux } from './tmux.js';

const REFLECT = ['What did you try', 'What surprised you', 'What gave you energy', 'What changed', 'What fell flat', 'What new question'];

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
    // Attendance: the active members are ticked, Grace (returning) is not. `a` ticks
    // all, `a` again unticks all, then tick José and Łucja.
    await t.see('Grace Whitfield (returning)');
    t.keys('a');
    await t.waitFor((s) => (s.match(/◉/g) ?? []).length === 8, 'everyone ticked');
    t.keys('a');
    await t.waitFor((s) => !/◉/.test(s), 'everyone unticked');
    t.keys('Space', 'Down', 'Space');
    await t.waitFor((s) => (s.match(/◉/g) ?? []).length === 2, 'two ticked');
    t.keys('Enter');
    // Those not ticked are asked for an apology, by their name tag.
    await t.answer('Alexis is not here: any apology or message?');
    await t.answer('Юлия is not here: any apology or message?', 'Visiting family in Tver');
    for (const tag of ['Amara', 'Siobhán', 'Thảo']) await t.answer(`${tag} is not here`);
    await t.answer('Guests (visitors who are not joining) (1;', 'Pat Visitor');
    await t.answer('Guests (visitors who are not joining) (2;');
    await t.answer('Newcomers joining the circle today (1;');
    await t.answer('Note introductions for the 2 others too?');

    // The header, José's turn and his commitment are printed one after another: wait for each.
    await t.see('== Time to Reflect · 40 min planned ==');
    await t.see(/José Álvarez\s+\[Time to Reflect: \d+ of 40 min\]/);
    await t.see('Last time José Álvarez meant to: Call the Seniors');
    await t.answer(REFLECT[0]!, 'Drew up a winter rota ++ Sharing vans');
    await t.answer(REFLECT[1]!, 'Three drivers said yes');
    // Esc skips the rest of José's turn, the confidence question too.
    await t.waitFor((s) => s.split('\n').some((l) => l.startsWith(`? ${REFLECT[2]}`)), 'his third question');
    t.keys('Escape');
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
    await t.answer('Notes from the session', 'Early signs of burnout and what helps');
    await t.answer('Questions the group raised (1;', 'How do we notice it in volunteers?');
    await t.answer('Questions the group raised (2;');
    await t.answer('What stood out for you today');
    await t.answer('What will you put into practice', 'Call two drivers');
    await t.answer('What would you like us to learn', 'Volunteer care');
    for (const q of ['What stood out for you today', 'What will you put into practice', 'What would you like us to learn']) await t.answer(q);
    await t.answer('Topic for next time'); // the first idea: tonight's request
    await t.answer('Speaker for next time, if known');
    await t.answer('Date of the next meeting');
    await t.answer('Anything to carry to next time', 'Lucja brings food');
    await t.answer('Anything else for the minutes', 'Thanks to the library');
    expect(await t.exitCode()).toBe(0);
    await t.see('Meeting 7 on 2026-11-17: minutes written to circles/riverside-leaders/meetings/2026-11-17.yaml');

    const minutes = readFileSync(join(circleDir, 'meetings', '2026-11-17.yaml'), 'utf8');
    for (const typed of [
      'facilitator: Amara Okafor',
      '    - José Álvarez\n    - Łucja Nowak\n  guests:\n    - Pat Visitor',
      'tried: Drew up a winter rota',
      'surprised: Three drivers said yes',
      'tried: Named our referral contact\n      private: true',
      '- topic: Sharing vans\n      by: José Álvarez',
      '- topic: Board recruitment',
      'notes: Early signs of burnout and what helps',
      '- How do we notice it in volunteers?',
      'will_practice: Call two drivers',
      'wants_to_learn: Volunteer care',
      '  topic: Sharing vans\n',
      'date: 2026-12-15\n  notes: Lucja brings food',
      'notes: Thanks to the library',
      '  absent:\n    - member: Αλέξης Παππάς\n    - member: Юлия Смирнова\n      apology: Visiting family in Tver',
    ]) {
      expect(minutes).toContain(typed);
    }
  }, 90_000);

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

  it("records a new circle's first meeting: nobody to tick, everyone joins as a newcomer", async () => {
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
    await t.answer('Organisation', 'Eastside Library');
    // Ctrl-C in the middle of the introductions, then --resume.
    await t.waitFor((s) => s.split('\n').some((l) => l.startsWith('? Picture your mission')), "Ana's vision question");
    t.keys('C-c');
    expect(await t.exitCode()).toBe(130);
    await t.see('draft saved — run `circle meet --resume`');

    t.start(root, ['meet', '--resume']);
    await t.see('Resuming the meeting of 2026-11-17 (5 answers kept)');
    await t.answer('Picture your mission', 'Everyone in Eastside reads for pleasure.');
    await t.answer('What could this group do');
    await t.answer('Organisation', 'Millrace Arts');
    await t.answer('Picture your mission');
    await t.answer('What could this group do');
    await t.answer('Any other topics the group wants a speaker on? (1;');
    await t.answer('A speaker or a dialogue?');
    await t.answer('Topic', 'Why we meet');
    await t.answer('Speaker (or who led the dialogue)');
    await t.answer('Notes from the session');
    await t.answer('Questions the group raised (1;');
    for (let i = 0; i < 2; i++) {
      await t.answer('What stood out for you today');
      await t.answer('What will you put into practice', i === 0 ? 'Visit the food bank' : '');
      await t.answer('What would you like us to learn');
    }
    await t.answer('Topic for next time', 'Grant writing');
    await t.answer('Speaker for next time, if known');
    await t.answer('Date of the next meeting');
    await t.answer('Anything to carry to next time');
    await t.answer('Anything else for the minutes');
    expect(await t.exitCode()).toBe(0);
    await t.see('Meeting 1 on 2026-11-17: minutes written to circles/fresh-circle/meetings/2026-11-17.yaml');

    const minutes = readFileSync(join(dir, 'meetings', '2026-11-17.yaml'), 'utf8');
    expect(minutes).toContain('  present:\n    - Ana Souza\n    - Ben Okoro\n');
    expect(minutes).toContain('will_practice: Visit the food bank');
    const members = readFileSync(join(dir, 'members.yaml'), 'utf8');
    expect(members).toContain('  - name: Ana Souza\n    tag: Ana\n    organization: Eastside Library\n');
    expect(members).toContain('  - name: Ben Okoro\n');
  }, 90_000);
});
