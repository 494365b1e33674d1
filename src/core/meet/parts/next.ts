// What's Next?: each person's take-aways and commitment, then the next topic, speaker and date.
import { isIsoDate, latestNextDate } from '../../dates.js';
import { mergeIdeas, type Asked, type TopicIdea } from '../../meeting.js';
import { backlogByDemand, topicKey } from '../../memory.js';
import { FIELD, memberFields } from '../../prompts.js';
import { scheduledAfter } from '../../schedule.js';
import { everyone, inConfidence, namesOf, present, textOf, type Draft, type Value } from '../draft.js';
import { splitRequests } from '../requests.js';
import { outcomeReviewSteps } from './verdict.js';
import { Asker, stepId, tagOf, type MeetingPlan, type Step } from '../step.js';

export function whatsNextSteps(plan: MeetingPlan, draft: Draft): Step[] {
  const a = new Asker('next', plan);
  const scheduled = scheduledAfter(plan.circle, plan.date) ?? '';
  const latest = latestNextDate(plan.date);
  const laterDate = (v: Value) =>
    typeof v !== 'string' || !v.trim() || (isIsoDate(v.trim()) && v.trim() > plan.date && v.trim() <= latest)
      ? true
      : `a date after ${plan.date} and at most two years ahead (by ${latest}), as YYYY-MM-DD`;
  return [
    ...everyone(draft).flatMap((name) => a.each(name)),
    a.one('topic', { choices: topicIdeas(plan, draft).map((idea) => ({ name: ideaLabel(plan, idea), value: idea.topic })) }),
    a.one('speaker'),
    a.one('date', { default: scheduled, validate: laterDate }),
    a.one('notes'),
    ...outcomeReviewSteps(plan),
  ];
}

function ideaLabel(plan: MeetingPlan, idea: TopicIdea): string {
  return idea.by.length ? `${idea.topic} (${idea.by.map((b) => tagOf(plan, b)).join(', ')})` : idea.topic;
}

/** The open backlog as topic ideas, most-asked first; topics asked for only in confidence are left out. */
function backlogIdeas(plan: MeetingPlan): TopicIdea[] {
  return backlogByDemand(plan.memory).map((t) => ({
    topic: t.topic,
    by: t.by,
    source: 'request' as const,
  }));
}

/** Tonight's speaker requests and "want to learn" answers, from the draft. */
function askedTonight(plan: MeetingPlan, draft: Draft): Asked[] {
  const asked: Asked[] = [];
  const requested = (part: 'reflect' | 'next', name: string) => {
    for (const field of memberFields(part)) {
      if (inConfidence(draft, stepId(part, field, name))) continue;
      for (const topic of splitRequests(textOf(draft.answers[stepId(part, field, name)])).requests) asked.push({ topic, by: name, source: 'request' });
    }
  };
  // A request raised in confidence (the reflection, or the answer) is left out, as the backlog leaves it out.
  for (const name of present(draft)) if (draft.answers[stepId('reflect', 'private', name)] !== true) requested('reflect', name);
  for (const topic of namesOf(draft.answers[stepId('reflect', 'requests')])) asked.push({ topic, source: 'request' });
  for (const name of everyone(draft)) {
    requested('next', name);
    if (!inConfidence(draft, stepId('next', FIELD.wish, name))) asked.push({ topic: splitRequests(textOf(draft.answers[stepId('next', FIELD.wish, name)])).text, by: name, source: 'wants_to_learn' });
  }
  return asked;
}

/** Ideas for the next topic: tonight's requests and wishes first, then the whole open backlog, not the topic just covered. */
export function topicIdeas(plan: MeetingPlan, draft: Draft): TopicIdea[] {
  const seen = new Set([topicKey(textOf(draft.answers[stepId('learning', 'topic')]))]);
  return [...mergeIdeas(askedTonight(plan, draft)), ...backlogIdeas(plan)].filter((idea) => {
    const key = topicKey(idea.topic);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
