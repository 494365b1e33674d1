// Writing a finished meeting down: members.yaml, circle.yaml, the minutes, the draft removed, a commit.
import { mkdir } from 'node:fs/promises';
import { rollChanges, toMinutes, type Draft, type MeetingPlan, type RollChanges } from '../core/meet/index.js';
import { rememberFacilitator, saveAgreements } from './agreements.js';
import { meetingSchema } from '../core/schema.js';
import { CircleError, displayPath } from '../errors.js';
import { circleFile, meetingFile, meetingsDir, membersFile, newFileMode } from './circle.js';
import { dateMatches } from './read-file.js';
import { removeDraft } from './draft.js';
import { commitIfWanted } from './git.js';
import { updateMembers } from './members.js';
import { checkBeforeWrite, writeCircleFile, yamlText } from './yaml-write.js';

/** The minutes' path and text, checked as the next read will check them; a CircleError saying why when it would refuse them. */
export function checkMinutes(dir: string, date: string, minutes: unknown): { path: string; text: string } {
  const path = meetingFile(dir, date);
  const text = yamlText(minutes);
  const refusal = (why: string) => `the minutes of ${date} would not be valid (${why}); nothing was written, and the answers are still in .draft.yaml.`;
  checkBeforeWrite(path, text, meetingSchema, refusal, dateMatches(date));
  return { path, text };
}

/** Write checked minutes; an existing file for that date is never replaced (EEXIST). */
async function writeNewMeeting(dir: string, { path, text }: ReturnType<typeof checkMinutes>): Promise<string> {
  await mkdir(meetingsDir(dir), { recursive: true });
  try {
    await writeCircleFile(path, text, { exclusive: true, mode: await newFileMode(dir, 'minutes') });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    throw new CircleError(`${displayPath(path)} appeared while the meeting ran and was left alone; the answers are still in .draft.yaml.`);
  }
  return path;
}

/**
 * The minutes are checked first (nothing is written if the next read would refuse them),
 * then members.yaml and circle.yaml are changed under their write lock, on what they hold
 * by then, then the minutes are written. The minutes go last, so a crash in between loses
 * nothing: the draft stays and `--resume` (with nothing left to ask) ends here again, and
 * the changes, made by content, are not made twice.
 */
export async function recordMeeting(dir: string, plan: MeetingPlan, draft: Draft, env: NodeJS.ProcessEnv) {
  const minutes = toMinutes(plan, draft);
  const checked = checkMinutes(dir, plan.date, minutes);
  let roll: RollChanges = { joining: [], returning: [], updated: [] };
  await updateMembers(dir, (members) => {
    roll = rollChanges(members, plan, draft);
    return { add: roll.joining, activate: roll.returning.map((r) => r.index), update: roll.updated };
  });
  const circleUpdated = await saveAgreements(dir, minutes);
  const remembered = minutes.facilitator ? await rememberFacilitator(dir, minutes.facilitator) : false;
  const membersChanged = roll.joining.length || roll.returning.length || roll.updated.length;
  const written = [await writeNewMeeting(dir, checked), ...(membersChanged ? [membersFile(dir)] : []), ...(circleUpdated || remembered ? [circleFile(dir)] : [])];
  await removeDraft(dir);
  return {
    minutes,
    written, // the minutes first
    joined: roll.joining.map((m) => m.name),
    back: roll.returning.map((r) => r.name),
    updated: roll.updated.map((u) => u.name), // whose vision or organisation members.yaml now has from tonight
    circleUpdated,
    // Both files go into the commit even when unchanged now: a resume may find them changed by the run that stopped.
    commit: await commitIfWanted(dir, plan.circle.git.commit, [...new Set([...written, membersFile(dir), circleFile(dir)])], `minutes: ${plan.circle.name} ${plan.date}`, env),
  };
}
