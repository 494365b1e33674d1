// What's Next?: each person's take-aways and commitment, then the next topic, speaker and date.
import { isIsoDate, latestNextDate } from '../../dates.js';
import { backlogByDemand, byDemand, topicKey } from '../../memory.js';
import { FIELD, memberFields } from '../../prompts.js';
import { topicAsked } from '../../words.js';
import { scheduledAfter } from '../../schedule.js';
import { everyone, inConfidence, namesOf, present, sameName, textOf, type Draft, type Value } from '../draft.js';
import { splitRequests } from '../requests.js';
import { outcomeReviewSteps } from './verdict.js';
import { Asker, perPlan, stepId, tagOf, type MeetingPlan, type Step } from '../step.js';

export function whatsNextSteps(plan: MeetingPlan, draft: Draft): Step[] {
  const a = new Asker('next', plan);
  return [
    ...everyone(draft).flatMap((name) => a.each(name)),
    a.one('topic', { choices: topicIdeas(plan, draft).map((idea) => ({ name: ideaLabel(plan, idea), value: idea.topic })) }),
    ...afterTopic(plan),
  ];
}

/**
 * The speaker, date and notes for next time, and the review of the outcomes: the plan alone
 * decides them (a first meeting discussing its format makes a new plan per answer, so misses).
 */
const afterTopic = perPlan((plan): Step[] => {
  const a = new Asker('next', plan);
  const latest = latestNextDate(plan.date);
  const laterDate = (v: Value) =>
    typeof v !== 'string' || !v.trim() || (isIsoDate(v.trim()) && v.trim() > plan.date && v.trim() <= latest)
      ? true
      : `a date after ${plan.date} and at most two years ahead (by ${latest}), as YYYY-MM-DD`;
  return [a.one('speaker'), a.one('date', { default: scheduledAfter(plan.circle, plan.date) ?? '', validate: laterDate }), a.one('notes'), ...outcomeReviewSteps(plan)];
});

/** A topic that could be next: how often it was asked for (tonight included) and by whom. */
function ideaLabel(plan: MeetingPlan, idea: { topic: string; count: number; by: string[] }): string {
  return topicAsked(idea.topic, idea.count, idea.by.map((b) => tagOf(plan, b)).join(', '));
}

/** Tonight's speaker requests and "want to learn" answers, from the draft. */
function askedTonight(plan: MeetingPlan, draft: Draft): Array<{ topic: string; by?: string }> {
  const asked: Array<{ topic: string; by?: string }> = [];
  const requested = (section: 'reflect' | 'next', name: string) => {
    for (const field of memberFields(section)) {
      if (inConfidence(draft, stepId(section, field, name))) continue;
      for (const topic of splitRequests(textOf(draft.answers[stepId(section, field, name)])).requests) asked.push({ topic, by: name });
    }
  };
  // A request raised in confidence (the reflection, or the answer) is left out, as the backlog leaves it out.
  for (const name of present(draft)) if (draft.answers[stepId('reflect', 'private', name)] !== true) requested('reflect', name);
  for (const topic of namesOf(draft.answers[stepId('reflect', 'requests')])) asked.push({ topic });
  for (const name of everyone(draft)) {
    requested('next', name);
    if (!inConfidence(draft, stepId('next', FIELD.wish, name))) asked.push({ topic: splitRequests(textOf(draft.answers[stepId('next', FIELD.wish, name)])).text, by: name });
  }
  return asked;
}

/** The backlog before tonight, most asked for first (once per plan). */
const backlogOf = perPlan((plan) => backlogByDemand(plan.memory));

/**
 * Ideas for the next topic, as `circle topics` orders the backlog: most asked for first
 * (tonight's asks counted with the earlier ones), then the longest waiting; not the topic
 * just covered, nor what was asked only in confidence.
 */
function topicIdeas(plan: MeetingPlan, draft: Draft) {
  const ideas = new Map(backlogOf(plan).map((t) => [topicKey(t.topic), { topic: t.topic, count: t.count, by: [...t.by], first: t.first }]));
  for (const { topic, by } of askedTonight(plan, draft)) {
    const text = topic.trim();
    if (!text) continue;
    const idea = ideas.get(topicKey(text)) ?? { topic: text, count: 0, by: [], first: plan.date };
    idea.count += 1;
    if (by && !idea.by.some((b) => sameName(b, by))) idea.by.push(by);
    ideas.set(topicKey(text), idea);
  }
  ideas.delete(topicKey(textOf(draft.answers[stepId('learning', 'topic')])));
  return [...ideas.values()].sort(byDemand);
}
