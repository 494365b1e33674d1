import { describe, expect, it } from 'vitest';
import {
  answer,
  BACK,
  coerce,
  newDraft,
  pendingStep,
  rehearse,
  rollChanges,
  runMeeting,
  sectionStatus,
  skipRest,
  splitRequests,
  steps,
  toMinutes,
  type Draft,
  type MeetingPlan,
  type Prompter,
  type Step,
} from '../../src/core/meet/index.js';
import { stepsSoFar } from '../../src/core/meet/steps.js';
import { answerText } from '../../src/core/prompts.js';
import { meetingSchema, type Member } from '../../src/core/schema.js';
import { DATE, plan as examplePlan } from './fixtures.js';

const AT = '2026-11-17T18:00:00.000Z';

/** The tests' prompter: answers by step id, the default otherwise; it records what it was asked. */
function fakePrompter(answers: Record<string, unknown>): Prompter & { asked: Step[] } {
  const asked: Step[] = [];
  return {
    asked,
    async ask(step) {
      asked.push(step);
      return step.id in answers ? answers[step.id] : undefined;
    },
  };
}

async function play(plan: MeetingPlan, answers: Record<string, unknown>, draft: Draft = newDraft(DATE, AT)) {
  const prompter = fakePrompter(answers);
  const saved: string[] = [];
  const done = await runMeeting(plan, draft, { prompter, now: () => AT, save: async (_d, s) => void saved.push(s.id) });
  return { draft: done, asked: prompter.asked, saved };
}

/** Answer the step `id` as the meeting stands now; throws when the meeting does not ask it. */
function give(plan: MeetingPlan, draft: Draft, id: string, raw: unknown, at = AT): Draft {
  const step = steps(plan, draft).find((s) => s.id === id);
  if (!step) throw new Error(`no step "${id}" in this meeting`);
  return answer(draft, step, raw, at);
}

const nextStep = (plan: MeetingPlan, d: Draft) => pendingStep(steps(plan, d), d);

/** Answer step after step (from `answers`, else the default) until `until` is the next one to ask. */
function upTo(plan: MeetingPlan, d: Draft, until: string, answers: Record<string, unknown> = {}, at = AT): Draft {
  for (let step = nextStep(plan, d); step && step.id !== until; step = nextStep(plan, d)) d = answer(d, step, answers[step.id], at);
  return d;
}

/** The example circle with its members changed (as if members.yaml had been edited). */
function planWith(edit: (members: Member[]) => Member[]): MeetingPlan {
  const p = examplePlan();
  return { ...p, members: edit(p.members) };
}

const ids = (list: Step[]) => list.map((s) => s.id);

describe('the meeting as steps', () => {
  it('works out the sections only as far as the next question, and all of them once every step is answered', () => {
    const plan = examplePlan();
    let d = newDraft(DATE, AT);
    const first = stepsSoFar(plan, d);
    expect([...new Set(first.map((s) => s.section))]).toEqual(['opening']);
    expect(ids(first)).toEqual(ids(steps(plan, d)).slice(0, first.length));
    d = upTo(plan, d, 'learning.topic');
    expect(ids(stepsSoFar(plan, d)).at(-1)).toMatch(/^learning\./);
    for (let step = nextStep(plan, d); step; step = nextStep(plan, d)) d = answer(d, step, undefined, AT);
    expect(ids(stepsSoFar(plan, d))).toEqual(ids(steps(plan, d)));
  });
  it('opens with facilitator and attendance, then asks Reflect only of those present', () => {
    const plan = examplePlan();
    const fresh = newDraft(DATE, AT);
    expect(ids(steps(plan, fresh)).slice(0, 5)).toEqual(['facilitator', 'attendance', 'speaker_here', 'guests', 'newcomers']);
    expect(ids(steps(plan, fresh)).filter((id) => id.startsWith('reflect.') && id !== 'reflect.requests')).toEqual([]);

    let d = give(plan, fresh, 'attendance', ['José Álvarez', 'Amara'], AT); // full name or name-tag first name
    const reflect = ids(steps(plan, d)).filter((id) => id.startsWith('reflect.') && id !== 'reflect.requests');
    expect(reflect).toEqual([
      // Nothing said yet: after the questions, whether to keep the open commitment.
      ...['tried', 'surprised', 'excited', 'changed', 'disappointing', 'new_issues', 'keep'].map((k) => `reflect.José Álvarez.${k}`),
      ...['tried', 'surprised', 'excited', 'changed', 'disappointing', 'new_issues', 'keep'].map((k) => `reflect.Amara Okafor.${k}`),
    ]);
    d = give(plan, d, 'newcomers', ['Ana Souza'], AT);
    const next = ids(steps(plan, d)).filter((id) => /^next\..+\./.test(id));
    expect(next.filter((id) => id.endsWith('.will_practice'))).toEqual([
      'next.José Álvarez.will_practice',
      'next.Amara Okafor.will_practice',
      'next.Ana Souza.will_practice',
    ]);
  });

  it('offers the facilitators circle.yaml remembers first (members or not), then the other active members; last time\'s is the default', () => {
    const p = examplePlan();
    const withThem = { ...p, circle: { ...p.circle, facilitators: ['Rosa Díaz', 'Amara Okafor'] }, last: { ...p.last!, facilitator: 'Grace Whitfield' } };
    const step = steps(withThem, newDraft(DATE, AT))[0]!;
    expect(step.choices!.map((c) => c.value)).toEqual(['Rosa Díaz', 'Amara Okafor', 'Grace Whitfield', 'José Álvarez', 'Łucja Nowak', 'Đặng Thu Hương']);
    expect(step.default).toBe('Grace Whitfield'); // a former member now, still offered
    expect(steps(p, newDraft(DATE, AT))[0]!.default).toBeUndefined();
  });

  it('shows each member the commitment they came in with', async () => {
    const plan = examplePlan();
    const d = give(plan, newDraft(DATE, AT), 'attendance', ['Amara Okafor'], AT);
    const first = steps(plan, d).find((s) => s.id === 'reflect.Amara Okafor.tried')!;
    expect(first.note).toBe('Last time Amara Okafor meant to: Keep every Friday afternoon clear.');
    expect(steps(plan, d).find((s) => s.id === 'reflect.Amara Okafor.surprised')!.note).toBe(first.note); // shown again on resume
  });

  it('gives newcomers introductions; the others only when the facilitator says so', async () => {
    const plan = examplePlan();
    let d = give(plan, newDraft(DATE, AT), 'attendance', ['Łucja Nowak'], AT);
    d = give(plan, d, 'newcomers', ['Ana Souza'], AT);
    const intro = () => ids(steps(plan, d)).filter((id) => id.startsWith('introductions.'));
    expect(intro()).toEqual(['introductions.Ana Souza.organization', 'introductions.Ana Souza.vision', 'introductions.Ana Souza.hopes', 'introductions.others']);
    d = give(plan, d, 'introductions.others', true, AT);
    expect(intro()).toContain('introductions.Łucja Nowak.vision');
    expect(intro()).not.toContain('introductions.Łucja Nowak.organization');
  });

  it('refuses a newcomer who is already a member and a checkbox name nobody has', async () => {
    const plan = examplePlan();
    const d = newDraft(DATE, AT);
    expect(() => give(plan, d, 'newcomers', ['łucja nowak'], AT)).toThrow(/already in members.yaml/);
    expect(() => give(plan, d, 'newcomers', ['Ana Souza', 'ana souza'], AT)).toThrow(/ana souza is listed twice/);
    expect(() => give(plan, d, 'attendance', ['Nobody'], AT)).toThrow(/"Nobody" is not one of/);
    expect(() => give(plan, d, 'reflect.Nobody.tried', 'x', AT)).toThrow(/no step/);
  });

  it('offers the backlog with tonight\'s requests and wishes, by demand then age, as the next topic (not the one just covered, nor one asked in confidence)', async () => {
    const plan = examplePlan();
    const { draft } = await play(plan, {
      attendance: ['José Álvarez', 'Amara Okafor'],
      'reflect.José Álvarez.tried': 'Drew up a rota ++ Sharing vans',
      'reflect.Amara Okafor.tried': 'Said no twice ++ Saying no',
      'reflect.Amara Okafor.private': true,
      'next.José Álvarez.wants_to_learn': 'Volunteer retention',
    });
    const topic = steps(plan, draft).find((s) => s.id === 'next.topic')!;
    const topics = topic.choices!.map((c) => c.value);
    // Each asked once: the one asked for longest ago (last time) first.
    expect(topics).toEqual(['Writing a first grant application', 'Sharing vans', 'Volunteer retention']);
    expect(topics).not.toContain('Saying no'); // asked in confidence: kept out, as the backlog keeps it
    expect(topics).not.toContain('Preventing burnout');
    expect(topic.other).toBe('Something else…');
  });

  it('defaults the learning topic and speaker to last time\'s choice and the next date to the schedule', async () => {
    const plan = examplePlan();
    const all = steps(plan, newDraft(DATE, AT));
    expect(all.find((s) => s.id === 'learning.topic')!.default).toBe('Preventing burnout');
    expect(all.find((s) => s.id === 'learning.format')!.default).toBe('speaker');
    expect(all.find((s) => s.id === 'next.date')!.default).toBe('2026-12-15');
    expect(() => give(plan, newDraft(DATE, AT), 'next.date', '2026-11-01')).toThrow(/a date after 2026-11-17/);
  });
});

describe('splitRequests', () => {
  it('takes every topic after ++', () => {
    expect(splitRequests('Tried the rota ++ vans ++ boards')).toEqual({ text: 'Tried the rota', requests: ['vans', 'boards'] });
    expect(splitRequests('++ only a request')).toEqual({ text: '', requests: ['only a request'] });
    expect(splitRequests('nothing special')).toEqual({ text: 'nothing special', requests: [] });
  });

  it('leaves ++ inside a word alone: only ++ standing on its own marks a request', () => {
    const taught = 'Taught the teens Notepad++ and C++ basics';
    expect(splitRequests(taught)).toEqual({ text: taught, requests: [] });
    expect(splitRequests('Taught C++ ++ Rust for beginners')).toEqual({ text: 'Taught C++', requests: ['Rust for beginners'] });
    expect(splitRequests('a++b ++c')).toEqual({ text: 'a++b ++c', requests: [] });
  });
});

describe('the minutes', () => {
  const answers = {
    facilitator: 'Łucja Nowak',
    attendance: ['José Álvarez', 'Amara Okafor'],
    'absent.Łucja Nowak.apology': 'At the library board',
    guests: ['Pat Visitor'],
    newcomers: ['Ana Souza'],
    'introductions.Ana Souza.organization': 'Eastside Library',
    'reflect.José Álvarez.tried': 'Called the network ++ Sharing vans',
    'reflect.Amara Okafor.surprised': '++ Saying no',
    'reflect.Amara Okafor.private': true,
    'reflect.requests': ['Board recruitment'],
    'learning.notes': 'Early signs of burnout.',
    'learning.questions': ['How do we spot it?'],
    'next.Ana Souza.will_practice': 'Visit the food bank',
    'next.topic': 'Typed topic',
    notes: 'Food: José',
  };

  it('validate against the meeting schema and hold every answer', async () => {
    const plan = examplePlan();
    const { draft } = await play(plan, answers);
    const minutes = toMinutes(plan, draft);
    const parsed = meetingSchema.parse(minutes);
    expect(parsed.number).toBe(7);
    expect(parsed.attendance).toEqual({
      present: ['José Álvarez', 'Amara Okafor', 'Ana Souza'],
      // The speaker chosen last time, offered as a guest (Enter: here), then those typed.
      guests: ['Dr Nadia Karim', 'Pat Visitor'],
      absent: [{ member: 'Łucja Nowak', apology: 'At the library board' }, { member: 'Đặng Thu Hương' }],
      // The active members as the meeting knew them.
      expected: ['José Álvarez', 'Łucja Nowak', 'Amara Okafor', 'Đặng Thu Hương'],
    });
    expect(parsed.introductions).toEqual([{ member: 'Ana Souza', organization: 'Eastside Library', private: false }]);
    const jose = parsed.reflect.members.find((r) => r.member === 'José Álvarez')!;
    expect(jose.commitment).toMatch(/^Call the Seniors' Network/);
    expect(answerText(jose, 'tried')).toBe('Called the network');
    expect(jose.private).toBe(false);
    const amara = parsed.reflect.members.find((r) => r.member === 'Amara Okafor')!;
    expect(answerText(amara, 'surprised')).toBeUndefined();
    expect(amara.private).toBe(true); // shared in confidence, and so is the request it raised
    expect(parsed.reflect.requests).toEqual([
      { topic: 'Sharing vans', by: 'José Álvarez', private: false },
      { topic: 'Saying no', by: 'Amara Okafor', private: true },
      { topic: 'Board recruitment', private: false },
    ]);
    expect(parsed.learning).toMatchObject({ format: 'speaker', notes: 'Early signs of burnout.', questions: ['How do we spot it?'] });
    expect(parsed.next).toMatchObject({ topic: 'Typed topic', date: '2026-12-15' });
    expect(answerText(parsed.next.members.find((a) => a.member === 'Ana Souza')!, 'will_practice')).toBe('Visit the food bank');
    expect(parsed.notes).toBe('Food: José');
  });

  it('leave empty answers out of the file', async () => {
    const plan = examplePlan();
    const { draft } = await play(plan, { attendance: ['Amara Okafor'] });
    const minutes = toMinutes(plan, draft);
    expect(minutes.reflect!.members).toEqual([{ member: 'Amara Okafor', commitment: expect.any(String) }]);
    expect(minutes).not.toHaveProperty('facilitator');
    expect(minutes).not.toHaveProperty('notes');
  });
});

describe('attendance', () => {
  it('offers former members after the active ones, unticked, as returning', async () => {
    const plan = examplePlan();
    const attendance = steps(plan, newDraft(DATE, AT)).find((s) => s.id === 'attendance')!;
    expect(attendance.choices!.at(-1)).toEqual({ name: 'Grace Whitfield (returning)', value: 'Grace Whitfield', also: ['Grace'] });
    expect(attendance.choices!.slice(0, -1).map((c) => c.name)).not.toContain('Grace Whitfield (returning)');
    expect(attendance.default).not.toContain('Grace Whitfield');

    const d = give(plan, newDraft(DATE, AT), 'attendance', ['Grace', 'Amara Okafor'], AT);
    expect(d.answers.attendance).toEqual(['Amara Okafor', 'Grace Whitfield']); // in the list's order
    expect(ids(steps(plan, d))).toContain('reflect.Grace Whitfield.tried');
    expect(() => give(plan, d, 'newcomers', ['Grace Whitfield'], AT)).toThrow(/tick them in attendance/);
  });

  it('marks a returning member active again, and adds only newcomers members.yaml does not have yet', async () => {
    const plan = examplePlan();
    const { draft } = await play(plan, { attendance: ['Amara Okafor', 'Grace Whitfield'], newcomers: ['Ana Souza', 'Ben Okoro'] });
    const grace = plan.members.findIndex((m) => m.name === 'Grace Whitfield');
    // Ana was added by hand while the meeting ran (spelt in lower case).
    const now = [...plan.members, { name: 'ana souza', active: true } as Member];
    const changes = rollChanges(now, plan, draft);
    expect(changes.returning).toEqual([{ index: grace, name: 'Grace Whitfield' }]);
    expect(changes.joining).toEqual([{ name: 'Ben Okoro', tag: 'Ben', joined: DATE, active: true }]);
    expect(toMinutes(plan, draft).attendance!.present).toEqual(['Amara Okafor', 'Grace Whitfield', 'Ana Souza', 'Ben Okoro']);
  });

  it('at a new circle\'s first meeting, has nobody to tick and records the newcomers', async () => {
    const plan = planWith(() => []);
    const attendance = steps(plan, newDraft(DATE, AT)).find((s) => s.id === 'attendance')!;
    expect(attendance.choices).toEqual([]);
    expect(attendance.note).toMatch(/list everyone present as a newcomer/);
    expect(() => give(plan, newDraft(DATE, AT), 'attendance', ['Amara'], AT)).toThrow(/nobody to choose/);

    const { draft } = await play(plan, { attendance: [], newcomers: ['Ana Souza', 'Ben Okoro'], 'next.Ben Okoro.will_practice': 'Call Ana' });
    const minutes = meetingSchema.parse(toMinutes(plan, draft));
    expect(minutes.attendance.present).toEqual(['Ana Souza', 'Ben Okoro']);
    expect(answerText(minutes.next.members.find((m) => m.member === 'Ben Okoro')!, 'will_practice')).toBe('Call Ana');
    expect(rollChanges([], plan, draft).joining.map((m) => m.name)).toEqual(['Ana Souza', 'Ben Okoro']);
  });
});

describe('saving and resuming', () => {
  it('keeps the people the draft has as present, even if members.yaml has changed since', async () => {
    const before = examplePlan();
    let d = upTo(before, newDraft(DATE, AT), 'reflect.José Álvarez.tried', { attendance: ['José Álvarez', 'Amara Okafor'] });
    d = give(before, d, 'reflect.José Álvarez.tried', 'Drew up a rota ++ Sharing vans', AT);
    d = give(before, d, 'reflect.José Álvarez.surprised', 'Three drivers said yes', AT);

    // José is marked inactive (or taken out of members.yaml) before the meeting is resumed.
    const inactive = planWith((ms) => ms.map((m) => (m.name === 'José Álvarez' ? { ...m, active: false } : m)));
    const gone = planWith((ms) => ms.filter((m) => m.name !== 'José Álvarez'));
    for (const plan of [inactive, gone]) {
      expect(nextStep(plan, d)!.id).toBe('reflect.José Álvarez.excited');
      const { draft } = await play(plan, {}, d);
      const minutes = meetingSchema.parse(toMinutes(plan, draft));
      expect(minutes.attendance.present).toEqual(['José Álvarez', 'Amara Okafor']);
      expect(minutes.reflect.members[0]).toMatchObject({ member: 'José Álvarez', tried: 'Drew up a rota', surprised: 'Three drivers said yes' });
      expect(minutes.reflect.requests).toContainEqual({ topic: 'Sharing vans', by: 'José Álvarez', private: false });
      expect(minutes.next.members.map((m) => m.member)).toEqual(['José Álvarez', 'Amara Okafor']);
    }
  });

  it('saves after every answer, and a resumed draft asks only what is left', async () => {
    const plan = examplePlan();
    const whole = await play(plan, { attendance: ['Amara Okafor'], 'reflect.Amara Okafor.tried': 'A' });
    expect(whole.saved).toEqual(ids(whole.asked));

    // Stop after the first Reflect answer, as Ctrl-C would, then resume from that draft.
    let d = upTo(plan, newDraft(DATE, AT), 'reflect.Amara Okafor.tried', { attendance: ['Amara Okafor'] });
    d = give(plan, d, 'reflect.Amara Okafor.tried', 'A');
    expect(nextStep(plan, d)!.id).toBe('reflect.Amara Okafor.surprised');
    const resumed = await play(plan, {}, d);
    expect(ids(resumed.asked)[0]).toBe('reflect.Amara Okafor.surprised');
    expect(ids(resumed.asked)).not.toContain('attendance');
    expect(toMinutes(plan, resumed.draft)).toEqual(toMinutes(plan, whole.draft));
  });

  it('keeps a section clock from the moment the section began', async () => {
    const plan = examplePlan();
    let d = newDraft(DATE, '2026-11-17T18:00:00.000Z');
    d = give(plan, d, 'facilitator', 'Amara', '2026-11-17T18:02:00.000Z');
    d = give(plan, d, 'attendance', ['Amara Okafor'], '2026-11-17T18:05:00.000Z');
    d = upTo(plan, d, 'introductions.others', {}, '2026-11-17T18:06:00.000Z');
    d = give(plan, d, 'introductions.others', false, '2026-11-17T18:10:00.000Z');
    const all = steps(plan, d);
    const reflect = sectionStatus(plan, d, 'reflect', '2026-11-17T18:22:30.000Z', all);
    expect(reflect).toMatchObject({ title: 'Time to Reflect', used: 12, planned: 45, hint: expect.stringContaining('++') });
    expect(sectionStatus(plan, d, 'opening', '2026-11-17T18:03:00.000Z', all)).toMatchObject({ used: 3 });
    expect(sectionStatus(plan, d, 'opening', '2026-11-17T18:03:00.000Z', all).planned).toBeUndefined();
  });
});

describe('typed text', () => {
  it('loses control characters (pasted escape codes) so the minutes can always be written', () => {
    const step: Step = { id: 'learning.topic', section: 'learning', kind: 'text', question: 'Topic' };
    expect(coerce(step, '\u001b[31mBurnout\u0007 ')).toEqual({ ok: true, value: '[31mBurnout' });
    const list: Step = { id: 'guests', section: 'opening', kind: 'list', question: 'Guests' };
    expect(coerce(list, ['Pat\u001b', '\u0000'])).toEqual({ ok: true, value: ['Pat'] });
  });
});

describe('an answers file, rehearsed', () => {
  it('reports every bad value and every id the meeting does not ask, at once', () => {
    const plan = examplePlan();
    const { bad, unknown } = rehearse(plan, newDraft(DATE, AT), {
      attendance: ['Amara', 'Nobody'],
      'learning.format': 'lecture',
      'next.date': 'next Tuesday',
      'reflect.Nobody.tried': 'x',
      'learning.sumary': 'typo',
    });
    expect(bad).toEqual([
      'attendance: "Nobody" is not one of: José Álvarez, Łucja Nowak, Amara Okafor, Đặng Thu Hương, Grace Whitfield',
      'learning.format: expected one of: speaker, dialogue',
      'next.date: a date after 2026-11-17 and at most two years ahead (by 2028-11-16), as YYYY-MM-DD',
    ]);
    expect(unknown).toEqual(['reflect.Nobody.tried', 'learning.sumary']);
  });

  it('takes a name tag for a member in attendance', () => {
    const d = give(examplePlan(), newDraft(DATE, AT), 'attendance', ['Hương', 'José']);
    expect(d.answers.attendance).toEqual(['José Álvarez', 'Đặng Thu Hương']);
  });
});

describe('a list answer', () => {
  it('is kept item by item in the draft until it is finished, and a resumed meeting starts from those items', async () => {
    const plan = examplePlan();
    const saves: Draft[] = [];
    // The prompter keeps one guest, then the meeting is interrupted.
    const interrupted: Prompter = {
      async ask(step, _status, list) {
        if (step.id !== 'guests') return undefined;
        await list.keep(['Pat Visitor']);
        throw new Error('Ctrl-C');
      },
    };
    await expect(runMeeting(plan, newDraft(DATE, AT), { prompter: interrupted, now: () => AT, save: async (d) => void saves.push(d) })).rejects.toThrow('Ctrl-C');
    const onDisk = saves.at(-1)!;
    expect(onDisk.partial).toEqual({ guests: ['Pat Visitor'] });
    expect('guests' in onDisk.answers).toBe(false);

    const seen: string[][] = [];
    const resumed = await runMeeting(plan, onDisk, {
      prompter: { ask: async (step, _s, list) => (step.id === 'guests' ? (seen.push(list.items), [...list.items, 'Sam Guest']) : undefined) },
      now: () => AT,
      save: async () => {},
    });
    expect(seen).toEqual([['Pat Visitor']]);
    expect(resumed.answers.guests).toEqual(['Pat Visitor', 'Sam Guest']);
    expect(resumed.partial).toEqual({});
  });
});

describe('skipping the rest of a turn', () => {
  it("leaves the rest of that person's questions in the part unanswered, but still asks whether to keep it in confidence", () => {
    const plan = examplePlan();
    let d = upTo(plan, newDraft(DATE, AT), 'reflect.José Álvarez.tried', { attendance: ['José Álvarez', 'Amara Okafor'] });
    d = give(plan, d, 'reflect.José Álvarez.tried', 'Drew up a rota');
    d = skipRest(plan, d, nextStep(plan, d)!, AT);
    // He said something: whether it stays in confidence is his to say, never skipped.
    expect(nextStep(plan, d)!.id).toBe('reflect.José Álvarez.private');
    d = give(plan, d, 'reflect.José Álvarez.private', true);
    expect(nextStep(plan, d)!.id).toBe('reflect.Amara Okafor.tried');
    // Amara said nothing and is skipped: whether to keep her commitment open is still asked.
    d = skipRest(plan, d, nextStep(plan, d)!, AT);
    expect(nextStep(plan, d)!.id).toBe('reflect.Amara Okafor.keep');
    expect(['excited', 'new_issues'].map((f) => d.answers[`reflect.Amara Okafor.${f}`])).toEqual(['', '']);
  });
});

describe('speaker requests in What\'s Next', () => {
  it('are taken from any answer there too, and offered as the next topic', () => {
    const plan = examplePlan();
    let d = upTo(plan, newDraft(DATE, AT), 'next.Amara Okafor.will_practice', { attendance: ['Amara Okafor'] });
    d = give(plan, d, 'next.Amara Okafor.will_practice', 'Name our safeguarding lead ++ Volunteer checks');
    expect(steps(plan, d).find((s) => s.id === 'next.topic')!.choices!.map((c) => c.value)).toContain('Volunteer checks');
    const minutes = meetingSchema.parse(toMinutes(plan, d));
    expect(answerText(minutes.next.members[0]!, 'will_practice')).toBe('Name our safeguarding lead');
    expect(minutes.reflect.requests).toContainEqual({ topic: 'Volunteer checks', by: 'Amara Okafor', private: false });
  });
});

describe('going back and the review', () => {
  it('goes back to the question before with its answer to start from, across people and parts; a changed attendance changes who is asked', async () => {
    const plan = examplePlan();
    let draft = upTo(plan, newDraft(DATE, AT), 'reflect.José Álvarez.tried', { attendance: ['José Álvarez', 'Łucja Nowak'] });
    const clockAt = { ...draft.at };
    const absent = ids(steps(plan, draft)).filter((id) => id.startsWith('absent.')).reverse();
    const asked: Array<{ id: string; start: unknown }> = [];
    // José's first answer, then back and back again, until attendance (where the run stops).
    const backwards: Prompter = {
      async ask(step) {
        if (step.id === 'attendance') throw new Error('stop');
        asked.push({ id: step.id, start: step.default });
        return asked.length === 1 ? 'Drew up a rota' : BACK;
      },
    };
    await expect(runMeeting(plan, draft, { prompter: backwards, now: () => '2026-11-17T19:00:00.000Z', save: async (d) => void (draft = d) })).rejects.toThrow('stop');
    expect(asked.map((a) => a.id)).toEqual(['reflect.José Álvarez.tried', 'reflect.José Álvarez.surprised', 'reflect.José Álvarez.tried', 'introductions.others', 'newcomers', 'guests', 'speaker_here', ...absent]);
    // José's first answer came back to start from, as did the introductions' "no".
    expect(asked[2]).toEqual({ id: 'reflect.José Álvarez.tried', start: 'Drew up a rota' });
    expect(asked[3]).toEqual({ id: 'introductions.others', start: false });
    expect(draft.was).toMatchObject({ 'reflect.José Álvarez.tried': 'Drew up a rota', 'introductions.others': false, guests: [], attendance: ['José Álvarez', 'Łucja Nowak'] });
    expect(draft.at.guests).toBe(clockAt.guests); // a question taken back keeps its time
    expect(nextStep(plan, draft)!.id).toBe('attendance');

    // At attendance again: tick Amara too. She is then asked for no apology, and her Reflect comes after Łucja's.
    const d = give(plan, draft, 'attendance', ['José Álvarez', 'Łucja Nowak', 'Amara Okafor']);
    expect(ids(steps(plan, d))).not.toContain('absent.Amara Okafor.apology');
    expect(ids(steps(plan, d)).filter((id) => id.endsWith('.tried'))).toEqual(['reflect.José Álvarez.tried', 'reflect.Łucja Nowak.tried', 'reflect.Amara Okafor.tried']);
    // Forward again, the answers taken back are where each question starts.
    const forward: Array<[string, unknown]> = [];
    await runMeeting(plan, d, {
      prompter: { ask: async (s) => (forward.push([s.id, s.default]), s.id === 'reflect.José Álvarez.surprised' ? (() => { throw new Error('stop'); })() : s.default) },
      now: () => AT,
      save: async () => {},
    }).catch(() => {});
    expect(forward.filter(([id]) => ['guests', 'introductions.others', 'reflect.José Álvarez.tried'].includes(id))).toEqual([['guests', undefined], ['introductions.others', false], ['reflect.José Álvarez.tried', 'Drew up a rota']]);
  });

  it('shows every answer by part before the minutes; an answer picked there is asked again, starting from it, then the review again', async () => {
    const plan = examplePlan();
    const done = upTo(plan, newDraft(DATE, AT), '', { attendance: ['José Álvarez'], 'reflect.José Álvarez.tried': 'Drew up a rota' });
    expect(nextStep(plan, done)).toBeUndefined();
    const reviews: string[][] = [];
    const asked: Array<{ id: string; start: unknown }> = [];
    const picks: Array<string | typeof BACK | undefined> = ['reflect.José Álvarez.tried', BACK, undefined];
    const finished = await runMeeting(plan, done, {
      prompter: {
        async ask(step) {
          asked.push({ id: step.id, start: step.default });
          return step.id === 'reflect.José Álvarez.tried' ? 'Drew up a winter rota' : step.default;
        },
        async review(entries) {
          reviews.push([...new Set(entries.map((e) => e.title))]);
          return picks.shift();
        },
      },
      now: () => '2026-11-17T20:00:00.000Z',
      save: async () => {},
    });
    expect(reviews[0]).toEqual(['Welcome and attendance', 'Welcome and introductions', 'Time to Reflect', 'Learning Together', "What's Next?", 'Before we close']);
    // Picked, asked from its answer, changed; BACK at the review is the last question again (the closing notes).
    expect(asked).toEqual([
      { id: 'reflect.José Álvarez.tried', start: 'Drew up a rota' },
      { id: 'notes', start: undefined },
    ]);
    expect(reviews).toHaveLength(3);
    expect(finished.answers['reflect.José Álvarez.tried']).toBe('Drew up a winter rota');
    expect(finished.at['reflect.José Álvarez.tried']).toBe(AT);
    expect(finished.was).toEqual({});
  });

  it('keeps a line typed and not entered when interrupted, and starts the question from it on resume', async () => {
    const plan = examplePlan();
    const d = upTo(plan, newDraft(DATE, AT), 'reflect.José Álvarez.tried', { attendance: ['José Álvarez'] });
    let saved: Draft | undefined;
    const interrupted: Prompter = {
      async ask() {
        throw Object.assign(new Error('interrupted'), { typed: 'Drew up a ro' });
      },
    };
    await expect(runMeeting(plan, d, { prompter: interrupted, now: () => AT, save: async (x) => void (saved = x) })).rejects.toThrow('interrupted');
    expect(saved!.typed).toEqual({ 'reflect.José Álvarez.tried': 'Drew up a ro' });
    const starts: unknown[] = [];
    const resumed = await runMeeting(plan, saved!, {
      prompter: { ask: async (s) => (s.id === 'reflect.José Álvarez.tried' ? (starts.push([s.default, s.edit]), 'Drew up a rota') : s.default) },
      now: () => AT,
      save: async () => {},
    });
    expect(starts).toEqual([['Drew up a ro', true]]);
    expect(resumed.answers['reflect.José Álvarez.tried']).toBe('Drew up a rota');
    expect(resumed.typed).toEqual({});
  });
});
