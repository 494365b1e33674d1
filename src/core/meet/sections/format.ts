// How our meetings run: minutes for each section, how often, which day, what time, where,
// and the traditions kept or started. What the circle agreed before is the default.
import type { Agreements } from '../../agreements.js';
import { NTH, parseCadence, type Cadence } from '../../cadence.js';
import { addDays, dayName, daysBetween, isIsoDate, weekday } from '../../dates.js';
import { MIN_MEETING_MINUTES } from '../../format.js';
import { validateInit } from '../../init-checks.js';
import { say } from '../../prompts.js';
import { namesOf, sameName, textOf, type Draft, type Value } from '../draft.js';
import type { MeetingFile } from '../minutes.js';
import { nonEmpty } from './ground-rules.js';
import { Asker, stepId, type MeetingPlan, type Step, type StepChoice } from '../step.js';

const id = (q: string) => stepId('format', q);
const minutesId = (section: string) => `${id('minutes')}.${section}`;

/** A cadence as "how often" and "which day": every 2 weeks / Tuesday, monthly on the 2nd / Tuesday. */
function splitCadence(c: Cadence): { often: string; day: string } {
  const day = dayName(c.weekday);
  if (c.kind === 'monthly') return { often: `monthly on the ${c.nth === -1 ? 'last' : NTH[c.nth]}`, day };
  return { often: c.every === 1 ? 'weekly' : `every ${c.every} weeks`, day };
}

/** "How often" and "which day" as the cadence sentence circle.yaml keeps. */
const joinCadence = (often: string, day: string) => (/^(monthly|every month)\b/i.test(often.trim()) ? `${often.trim()} ${day}` : `${often.trim()} on ${day}`);

const wholeMinutes = (v: Value) => (/^\d{1,3}$/.test(textOf(v)) && Number(textOf(v)) <= 600 ? true : 'whole minutes, e.g. 45');
const oftenWorks = (v: Value) => {
  const r = parseCadence(joinCadence(textOf(v), 'Monday'));
  return r.ok ? true : 'say how often without the day, e.g. "every 6 weeks" or "monthly on the 2nd"';
};

/**
 * The traditions to tick: the circle's own (also named by number), then the suggestions
 * (the question's choices, each a key and its text) it does not have yet (also by key).
 */
function traditionChoices(base: Agreements, suggested: readonly StepChoice[]): StepChoice[] {
  const keyOf = (text: string) => suggested.filter((s) => sameName(s.name, text)).map((s) => s.value);
  const own = base.traditions.map((t, i) => ({ name: t, value: t, also: [String(i + 1), ...keyOf(t)] }));
  const more = suggested.filter((s) => !base.traditions.some((t) => sameName(t, s.name))).map((s) => ({ name: s.name, value: s.name, also: [s.value] }));
  return [...own, ...more];
}

/** The sections with the minutes agreed so far (the current ones where not answered yet). */
function sectionsAgreed(base: Agreements, draft: Draft): Agreements['sections'] {
  return base.sections.map((s) => {
    const typed = textOf(draft.answers[minutesId(s.id)]);
    return typed ? { ...s, minutes: Number(typed) } : s;
  });
}

const cadenceParts = (base: Agreements) => {
  const current = parseCadence(base.cadence);
  return current.ok ? splitCadence(current.cadence) : { often: 'every 2 weeks', day: 'Tuesday' };
};

export function formatSteps(plan: MeetingPlan, base: Agreements, draft: Draft): Step[] {
  const a = new Asker('format', plan);
  const { often, day } = cadenceParts(base);
  const choices = a.one('cadence').choices ?? [];
  const traditions = a.one('traditions');
  const total = sectionsAgreed(base, draft).reduce((sum, s) => sum + s.minutes, 0);
  return [
    ...base.sections.map((s) => a.one('minutes', { id: minutesId(s.id), default: String(s.minutes), validate: wholeMinutes }, { section: s.title })),
    a.one('cadence', {
      default: often,
      choices: choices.some((c) => c.value === often) ? choices : [...choices, { name: often, value: often }],
      validate: oftenWorks,
      ...(total < MIN_MEETING_MINUTES && { note: say('format', 'short', { total, least: MIN_MEETING_MINUTES }) }),
    }),
    a.one('day', { default: day }),
    a.one('start', { default: base.start, validate: (v) => validateInit.start(textOf(v)) }),
    a.one('location', { default: base.location, edit: true }),
    { ...traditions, choices: traditionChoices(base, traditions.choices ?? []), default: base.traditions },
    a.one('new_traditions'),
  ];
}

/** The cadence agreed: the circle's own words when the rule is the same. */
function cadenceAgreed(base: Agreements, draft: Draft): string {
  const was = cadenceParts(base);
  const said = joinCadence(textOf(draft.answers[id('cadence')]) || was.often, textOf(draft.answers[id('day')]) || was.day);
  const [before, after] = [parseCadence(base.cadence), parseCadence(said)];
  if (!after.ok) return base.cadence;
  return before.ok && JSON.stringify(before.cadence) === JSON.stringify(after.cadence) ? base.cadence : said;
}

/** The traditions kept (in the circle's order), dropped and started. */
function traditionsAgreed(base: Agreements, draft: Draft) {
  const ticked = draft.answers[id('traditions')];
  const picked = Array.isArray(ticked) ? ticked : base.traditions;
  const kept = base.traditions.filter((t) => picked.includes(t));
  const added: string[] = [];
  for (const t of [...picked.filter((t) => !base.traditions.includes(t)), ...namesOf(draft.answers[id('new_traditions')])]) {
    if (![...kept, ...added].some((x) => sameName(x, t))) added.push(t);
  }
  return nonEmpty({ kept, dropped: base.traditions.filter((t) => !picked.includes(t)), added });
}

/**
 * Where a new "every N weeks on DAY" rule counts from: this meeting when it is on that day,
 * else that day about N weeks on (so the next meeting is not days away); but when the group
 * chose a next date on the rule's day that this would not give, from that date, so the
 * meetings after it follow on from it.
 */
function countedFrom(plan: MeetingPlan, draft: Draft, rule: { every: number; weekday: number }): string {
  const near = addDays(plan.date, 7 * rule.every - 3);
  const anchor = weekday(plan.date) === rule.weekday ? plan.date : addDays(near, (rule.weekday - weekday(near) + 7) % 7);
  const chosen = textOf(draft.answers[stepId('next', 'date')]);
  if (!isIsoDate(chosen) || weekday(chosen) !== rule.weekday) return anchor;
  return daysBetween(anchor, chosen) % (7 * rule.every) === 0 ? anchor : chosen;
}

/** The minutes' `format`: how the meetings run now and, at a later meeting, how what changed was before. */
export function formatAgreed(plan: MeetingPlan, base: Agreements, draft: Draft): NonNullable<MeetingFile['format']> {
  const sections = sectionsAgreed(base, draft);
  const cadence = cadenceAgreed(base, draft);
  const start = textOf(draft.answers[id('start')]) || base.start;
  const answered = draft.answers[id('location')];
  const location = typeof answered === 'string' ? answered.trim() : base.location;
  const byId = (list: Agreements['sections']) => Object.fromEntries(list.map((s) => [s.id, s.minutes]));
  const was = plan.last === undefined ? {} : {
    ...(sections.some((s, i) => s.minutes !== base.sections[i]!.minutes) && { sections: byId(base.sections) }),
    ...(cadence !== base.cadence && { cadence: base.cadence }),
    ...(start !== base.start && { start: base.start }),
    ...(location !== base.location && { location: base.location }),
  };
  const rule = parseCadence(cadence);
  const counted = rule.ok && rule.cadence.kind === 'weekly' && rule.cadence.every > 1 ? rule.cadence : undefined;
  const anchor = counted && (cadence !== base.cadence || (plan.last === undefined && !base.anchor)) ? countedFrom(plan, draft, counted) : undefined;
  return {
    sections: byId(sections),
    cadence,
    start,
    location,
    ...(anchor && { anchor }),
    traditions: traditionsAgreed(base, draft),
    ...(Object.keys(was).length && { was }),
  };
}

/** The plan with the schedule agreed so far, so What's Next offers the next date by it. */
export function withFormatAgreed(plan: MeetingPlan, base: Agreements, draft: Draft): MeetingPlan {
  const f = formatAgreed(plan, base, draft);
  const sections = plan.circle.format.sections.map((s) => ({ ...s, minutes: f.sections?.[s.id] ?? s.minutes }));
  const schedule = {
    ...plan.circle.schedule,
    cadence: f.cadence ?? plan.circle.schedule.cadence,
    start: f.start ?? plan.circle.schedule.start,
    duration: sections.reduce((sum, s) => sum + s.minutes, 0),
    ...(f.anchor && { anchor: f.anchor }),
  };
  return { ...plan, circle: { ...plan.circle, format: { ...plan.circle.format, sections }, schedule } };
}
