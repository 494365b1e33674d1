// Writing a finished meeting down: members.yaml, circle.yaml, the minutes, the draft removed, a commit.
import { existsSync } from 'node:fs';
import { rollChanges, toMinutes, type Draft, type MeetingFile, type MeetingPlan } from '../core/meet/index.js';
import { saveAgreements } from './agreements.js';
import { circleFile, loadMembers, meetingFile, membersFile, writeNewMeeting } from './circle.js';
import { removeDraft } from './draft.js';
import { commitIfWanted, type Committed } from './git.js';
import { changeMembers } from './members.js';

interface Recorded {
  minutes: MeetingFile;
  /** The files written, the minutes first. */
  written: string[];
  joined: string[];
  back: string[];
  /** Members whose vision or organisation members.yaml now has from tonight. */
  updated: string[];
  circleUpdated: boolean;
  commit: Committed;
}

export const meetingExists = (dir: string, date: string): boolean => existsSync(meetingFile(dir, date));

/**
 * Members, the circle's agreements, minutes, then the commit. The minutes go last, so a
 * crash in between loses nothing: the draft stays and `--resume` (with nothing left to
 * ask) ends here again, and the edits, made by content, are not made twice.
 */
export async function recordMeeting(dir: string, plan: MeetingPlan, draft: Draft, env: NodeJS.ProcessEnv): Promise<Recorded> {
  const minutes = toMinutes(plan, draft);
  // Read members.yaml again: someone may have edited it while the meeting ran.
  const members = await loadMembers(dir);
  const { joining, returning, updated } = rollChanges(members.data.members, plan, draft);
  const written: string[] = [];
  if (joining.length || returning.length || updated.length) {
    await changeMembers(members, { activate: returning.map((r) => r.index), add: joining, update: updated });
    written.push(membersFile(dir));
  }
  const circleUpdated = await saveAgreements(dir, minutes);
  if (circleUpdated) written.push(circleFile(dir));
  written.unshift(await writeNewMeeting(dir, plan.date, minutes));
  await removeDraft(dir);
  return {
    minutes,
    written,
    joined: joining.map((m) => m.name),
    back: returning.map((r) => r.name),
    updated: updated.map((u) => u.name),
    circleUpdated,
    commit: await commitIfWanted(dir, plan.circle.git.commit, written, `minutes: ${plan.circle.name} ${plan.date}`, env),
  };
}
