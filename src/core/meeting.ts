// What one meeting hands on to the next: commitments, open questions, topic ideas.
import { FIELD } from './prompts.js';
import { answerText, type Meeting } from './schema.js';

export interface Commitment {
  member: string;
  commitment: string;
}

/** Each member's "will put into practice" from a meeting, to follow up at the next Reflect. */
export function commitmentsFrom(meeting: Meeting | undefined): Commitment[] {
  return (meeting?.next.members ?? []).flatMap((a) => {
    const commitment = answerText(a, FIELD.commitment);
    return commitment ? [{ member: a.member, commitment }] : [];
  });
}

export interface OpenIssue {
  member: string;
  issue: string;
}

/** New issues raised at a meeting's Reflect that the group may take up. */
export function newIssuesFrom(meeting: Meeting | undefined): OpenIssue[] {
  return (meeting?.reflect.members ?? []).flatMap((r) => {
    const issue = answerText(r, FIELD.issues);
    return issue ? [{ member: r.member, issue }] : [];
  });
}

export interface TopicIdea {
  topic: string;
  /** Who asked: speaker requests name the member; "wants to learn" answers too. */
  by: string[];
  source: 'request' | 'wants_to_learn';
}

/** A topic asked for: a speaker request (`by` who raised it) or a "want to learn next" answer. */
export interface Asked {
  topic: string | undefined;
  by?: string | undefined;
  source: TopicIdea['source'];
}

/** Topics asked for, merged by topic (case-insensitive), in the order first asked. */
export function mergeIdeas(asked: Iterable<Asked>): TopicIdea[] {
  const ideas = new Map<string, TopicIdea>();
  for (const { topic, by, source } of asked) {
    const text = topic?.trim();
    if (!text) continue;
    const key = text.toLowerCase();
    const idea = ideas.get(key) ?? { topic: text, by: [], source };
    if (by && !idea.by.includes(by)) idea.by.push(by);
    ideas.set(key, idea);
  }
  return [...ideas.values()];
}

/** Speaker requests and "want to learn next" answers of a meeting, merged by topic. */
export function topicIdeasFrom(meeting: Meeting | undefined): TopicIdea[] {
  return mergeIdeas([
    ...(meeting?.reflect.requests ?? []).map((r): Asked => ({ topic: r.topic, by: r.by, source: 'request' })),
    ...(meeting?.next.members ?? []).map((a): Asked => ({ topic: answerText(a, FIELD.wish), by: a.member, source: 'wants_to_learn' })),
  ]);
}
