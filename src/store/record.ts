// Writing a finished meeting down: members.yaml, circle.yaml, the minutes, the draft removed, a commit.
import { existsSync } from 'node:fs';
import { rollChanges, toMinutes, type Draft, type MeetingFile, type MeetingPlan, type RollChanges } from '../core/meet/index.js';
import { saveAgreements } from './agreements.js';
import { checkMinutes, circleFile, meetingFile, membersFile, writeNewMeeting } from './circle.js';
import { removeDraft } from './draft.js';
import { commitIfWanted, type Committed } from './git.js';
import { updateMembers } from './members.js';

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
 * The minutes are checked first (nothing is written if the next read would refuse them),
 * then members.yaml and circle.yaml are changed under their write lock, on what they hold
 * by then, then the minutes are written. The minutes go last, so a crash in between loses
 * nothing: the draft stays and `--resume` (with nothing left to ask) ends here again, and
 * the changes, made by content, are not made twice.
 */
export async function recordMeeting(dir: string, plan: MeetingPlan, draft: Draft, env: NodeJS.ProcessEnv): Promise<Recorded> {
  const minutes = toMinutes(plan, draft);
  const checked = checkMinutes(dir, plan.date, minutes);
  let roll: RollChanges = { joining: [], returning: [], updated: [] };
  await updateMembers(dir, (members) => {
    roll = rollChanges(members, plan, draft);
    return { add: roll.joining, activate: roll.returning.map((r) => r.index), update: roll.updated };
  });
  const circleUpdated = await saveAgreements(dir, minutes);
  const membersChanged = roll.joining.length || roll.returning.length || roll.updated.length;
  const written = [await writeNewMeeting(dir, checked), ...(membersChanged ? [membersFile(dir)] : []), ...(circleUpdated ? [circleFile(dir)] : [])];
  await removeDraft(dir);
  return {
    minutes,
    written,
    joined: roll.joining.map((m) => m.name),
    back: roll.returning.map((r) => r.name),
    updated: roll.updated.map((u) => u.name),
    circleUpdated,
    // Both files go into the commit even when unchanged now: a resume may find them changed by the run that stopped.
    commit: await commitIfWanted(dir, plan.circle.git.commit, [...new Set([...written, membersFile(dir), circleFile(dir)])], `minutes: ${plan.circle.name} ${plan.date}`, env),
  };
}
