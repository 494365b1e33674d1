// Writing a finished meeting down: members.yaml, the minutes, the draft removed, a commit.
import { existsSync } from 'node:fs';
import { rollChanges, toMinutes, type Draft, type MeetingFile, type MeetingPlan, type RollChanges } from '../core/meet/index.js';
import { checkMinutes, meetingFile, membersFile, writeNewMeeting } from './circle.js';
import { removeDraft } from './draft.js';
import { commitPaths, insideWorkTree, type CommitResult } from './git.js';
import { updateMembers } from './members.js';

interface Recorded {
  minutes: MeetingFile;
  /** The files written, the minutes first. */
  written: string[];
  joined: string[];
  back: string[];
  /** What became of the commit: made, not asked for (git.commit false or no repository), or failed. */
  commit: CommitResult | { ok: 'off' | 'no-repo' };
}

export const meetingExists = (dir: string, date: string): boolean => existsSync(meetingFile(dir, date));

/**
 * The minutes are checked first (nothing is written if the next read would refuse them),
 * then members.yaml is changed under its write lock, on what it holds by then, then the
 * minutes are written. members.yaml goes first and only once, so a crash in between loses
 * nothing: the draft stays and `--resume` (with nothing left to ask) ends here again.
 */
export async function recordMeeting(dir: string, plan: MeetingPlan, draft: Draft, env: NodeJS.ProcessEnv): Promise<Recorded> {
  const minutes = toMinutes(plan, draft);
  const checked = checkMinutes(dir, plan.date, minutes);
  let roll: RollChanges = { joining: [], returning: [] };
  await updateMembers(dir, (members) => {
    roll = rollChanges(members, plan, draft);
    return { add: roll.joining, activate: roll.returning.map((r) => r.index) };
  });
  const written = [await writeNewMeeting(dir, checked), ...(roll.joining.length || roll.returning.length ? [membersFile(dir)] : [])];
  await removeDraft(dir);
  const done = { minutes, written, joined: roll.joining.map((m) => m.name), back: roll.returning.map((r) => r.name) };

  const wanted = plan.circle.git.commit;
  if (wanted === false) return { ...done, commit: { ok: 'off' } };
  if (!(await insideWorkTree(dir, env))) return { ...done, commit: { ok: wanted ? 'no-repo' : 'off' } };
  return { ...done, commit: await commitPaths(dir, written, `minutes: ${plan.circle.name} ${plan.date}`, env) };
}
