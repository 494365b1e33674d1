// Learning Together: the format, topic and speaker (last time's choice by default), notes,
// questions, and which questions and issues still open from earlier meetings were answered.
import { questionsByDemand } from '../../memory.js';
import { say } from '../../prompts.js';
import { Asker, perPlan, tagOf, type Step } from '../step.js';

export const learningSteps = perPlan((plan): Step[] => {
  const a = new Asker('learning', plan);
  const chosen = plan.last?.next;
  // Raised only in confidence: not offered here (the room may see it); `circle questions drop` lets it go.
  const open = questionsByDemand(plan.memory).map((q) => ({
    name: q.by.length ? say('learning', 'raised_by', { text: q.text, by: q.by.map((b) => tagOf(plan, b)).join(', ') }) : q.text,
    value: q.text,
  }));
  return [
    a.one('format', { default: chosen?.speaker ? 'speaker' : 'dialogue' }),
    a.one('topic', { default: chosen?.topic ?? '' }),
    a.one('speaker', { default: chosen?.speaker ?? '' }),
    a.one('notes'),
    a.one('questions'),
    ...(open.length ? [a.one('answered', { choices: open, default: [] })] : []),
  ];
});
