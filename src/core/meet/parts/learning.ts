// Learning Together: the format, topic and speaker (last time's choice by default), notes, questions.
import { Asker, type MeetingPlan, type Step } from '../step.js';

export function learningSteps(plan: MeetingPlan): Step[] {
  const a = new Asker('learning', plan);
  const chosen = plan.last?.next;
  return [
    a.one('format', { default: chosen?.speaker ? 'speaker' : 'dialogue' }),
    a.one('topic', { default: chosen?.topic ?? '' }),
    a.one('speaker', { default: chosen?.speaker ?? '' }),
    a.one('notes'),
    a.one('questions'),
  ];
}
