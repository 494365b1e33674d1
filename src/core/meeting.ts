// What a meeting hands on: the new issues it raised.
import { answerText, FIELD } from './prompts.js';
import type { Meeting } from './schema.js';

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
