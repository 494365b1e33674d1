// Writing a finished meeting down: members.yaml, the minutes, the draft removed, a commit.
import { existsSync } from 'node:fs';
import { rollChanges, toMinutes, type Draft, type MeetingFile, type MeetingPlan } from '../core/meet/index.js';
import { loadMembers, meetingFile, membersFile, writeNewMeeting } from './circle.js';
import { removeDraft } from './draft.js';
import { commitPaths, insideWorkTree, type CommitResult } from './git.js';
import { changeMembers } from './members.js';

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
 * Members, minutes, then the commit. members.yaml goes first and only once, so a crash in
 * between loses nothing: the draft stays and `--resume` (with nothing left to ask) ends here again.
 */
export async function recordMeeting(dir: string, plan: MeetingPlan, draft: Draft, env: NodeJS.ProcessEnv): Promise<Recorded> {
  const minutes = toMinutes(plan, draft);
  // Read members.yaml again: someone may have edited it while the meeting ran.
  const members = await loadMembers(dir);
  const { joining, returning } = rollChanges(members.data.members, plan, draft);
  const written: string[] = [];
  if (joining.length || returning.length) {
    await changeMembers(members, { activate: returning.map((r) => r.index), add: joining });
    written.push(membersFile(dir));
  }
  written.unshift(await writeNewMeeting(dir, plan.date, minutes));
  await removeDraft(dir);
  const roll = { minutes, written, joined: joining.map((m) => m.name), back: returning.map((r) => r.name) };

  const wanted = plan.circle.git.commit;
  if (wanted === false) return { ...roll, commit: { ok: 'off' } };
  if (!(await insideWorkTree(dir, env))) return { ...roll, commit: { ok: wanted ? 'no-repo' : 'off' } };
  return { ...roll, commit: await commitPaths(dir, written, `minutes: ${plan.circle.name} ${plan.date}`, env) };
}
