// What a meeting hands on: the new issues it raised; topics asked for, merged by topic.
import { answerText, FIELD } from './prompts.js';
import type { Meeting } from './schema.js';
import { topicKey } from './memory.js';

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

/** Topics asked for, merged by topic (as the backlog merges them: topicKey), in the order first asked. */
export function mergeIdeas(asked: Iterable<Asked>): TopicIdea[] {
  const ideas = new Map<string, TopicIdea>();
  for (const { topic, by, source } of asked) {
    const text = topic?.trim();
    if (!text) continue;
    const key = topicKey(text);
    const idea = ideas.get(key) ?? { topic: text, by: [], source };
    if (by && !idea.by.includes(by)) idea.by.push(by);
    ideas.set(key, idea);
  }
  return [...ideas.values()];
}
