// What one meeting hands on to the next: commitments, open questions, topic ideas.
import type { Meeting } from './schema.js';

export interface Commitment {
  member: string;
  commitment: string;
}

/** Each member's "will put into practice" from a meeting, to follow up at the next Reflect. */
export function commitmentsFrom(meeting: Meeting | undefined): Commitment[] {
  return (meeting?.next.members ?? [])
    .filter((a) => a.will_practice?.trim())
    .map((a) => ({ member: a.member, commitment: a.will_practice!.trim() }));
}

export interface OpenIssue {
  member: string;
  issue: string;
}

/** New issues raised at a meeting's Reflect that the group may take up. */
export function newIssuesFrom(meeting: Meeting | undefined): OpenIssue[] {
  return (meeting?.reflect.members ?? [])
    .filter((r) => r.new_issues?.trim())
    .map((r) => ({ member: r.member, issue: r.new_issues!.trim() }));
}

export interface TopicIdea {
  topic: string;
  /** Who asked: speaker requests name the member; "wants to learn" answers too. */
  by: string[];
  source: 'request' | 'wants_to_learn';
}

/** Speaker requests and "want to learn next" answers, merged by topic (case-insensitive). */
export function topicIdeasFrom(meeting: Meeting | undefined): TopicIdea[] {
  const ideas = new Map<string, TopicIdea>();
  const add = (topic: string | undefined, by: string | undefined, source: TopicIdea['source']) => {
    const text = topic?.trim();
    if (!text) return;
    const key = text.toLowerCase();
    const idea = ideas.get(key) ?? { topic: text, by: [], source };
    if (by && !idea.by.includes(by)) idea.by.push(by);
    ideas.set(key, idea);
  };
  for (const r of meeting?.reflect.requests ?? []) add(r.topic, r.by, 'request');
  for (const a of meeting?.next.members ?? []) add(a.wants_to_learn, a.member, 'wants_to_learn');
  return [...ideas.values()];
}
