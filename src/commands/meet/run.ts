// circle meet: walk the facilitator through the meeting, saving every answer to the
// draft at once, then write the minutes, add newcomers to members.yaml and commit.
import { resolve } from 'node:path';
import type { ChalkInstance } from 'chalk';
import { warnUnreadable, type Context } from '../../context.js';
import { isIsoDate } from '../../core/dates.js';
import { longDate } from '../../core/words.js';
import { AGREEMENTS, REVISIT_NAMES, type AgreementId } from '../../core/agreements.js';
import { formatWarnings } from '../../core/format.js';
import { newDraft, rehearse, runMeeting, withAgreements, type Draft, type MeetingPlan, type Prompter } from '../../core/meet/index.js';
import { FIELD, titleOf } from '../../core/prompts.js';
import type { Member } from '../../core/schema.js';
import { CircleError, displayPath, FileError, InterruptedError, UsageError } from '../../errors.js';
import { plural } from '../../render/document.js';
import { listMeetingDates, loadCircle, loadMeeting, meetingExists, meetingFile } from '../../store/circle.js';
import { circleMemory, memoryBefore } from '../../store/memory.js';
import { draftFile, loadDraft, removeDraft, saveDraft } from '../../store/draft.js';
import { acquireLock } from '../../store/lock.js';
import type { recordMeeting } from '../../store/record.js';
import { roomWanted, startRoom, type RoomFlags } from '../room.js';

interface MeetOptions extends RoomFlags {
  date?: string;
  resume?: boolean;
  answers?: string;
  revisit?: string[];
}

interface AnswersFile {
  answers: Record<string, unknown>;
  shown: string;
}

export async function run(ctx: Context, opts: MeetOptions): Promise<number> {
  if (opts.date !== undefined && !isIsoDate(opts.date)) throw new UsageError(`--date ${opts.date}: use YYYY-MM-DD, e.g. 2026-11-17`);
  const revisit = (opts.revisit ?? []).map(revisitSection);
  const room = roomWanted(opts);
  const scripted = opts.answers === undefined ? undefined : await answersFile(ctx, opts.answers);
  const { dir, slug } = await ctx.circle();
  const files = await loadCircle(dir, slug);
  if (!scripted && !ctx.interactive()) throw new UsageError(noTerminal(slug, await loadDraft(dir)));

  const now = () => ctx.deps.now().toISOString();
  const lock = await acquireLock(dir, now());
  let live: Awaited<ReturnType<typeof liveRoom>> | undefined;
  try {
    const kept = await draftToContinue(ctx, dir, opts, scripted !== undefined);
    const date = kept?.date ?? opts.date ?? ctx.today();
    if (meetingExists(dir, date)) throw new CircleError(alreadyRecorded(ctx, dir, date, kept !== undefined));
    const dates = await listMeetingDates(dir);
    const earlier = dates.filter((d) => d < date);
    if (earlier.length < dates.length && !kept) await confirmBackDated(ctx, date, dates.at(-1)!, earlier.length + 1, scripted !== undefined);
    const [last, { memory, unreadable }] = await Promise.all([
      earlier.length ? loadMeeting(dir, earlier.at(-1)!).then((m) => m.data) : undefined,
      earlier.length < dates.length ? memoryBefore(dir, files.circle.data, date) : circleMemory(dir, files.circle.data),
    ]);
    warnUnreadable(ctx, unreadable);
    const plan: MeetingPlan = { circle: files.circle.data, members: files.members.data.members, last, date, number: earlier.length + 1, memory };
    const draft = withAgreements(kept ?? newDraft(date, now()), plan, revisit);
    if (scripted) checkAnswers(plan, draft, scripted);
    if (!kept && date > ctx.today()) ctx.out.warn(`${longDate(date)} is ahead of today: these minutes will be dated then (--date records another day).`);
    if (!scripted) ctx.out.info(ctx.out.messageColor.bold(`${plan.circle.name}: meeting ${plan.number}, ${longDate(date)}`));
    const prompter = await prompterFor(ctx, scripted, plan.members);
    if (room) live = await liveRoom(ctx, plan, draft, room);
    try {
      const finished = await askSaving(ctx, dir, plan, live?.draft ?? draft, prompter, kept !== undefined, live?.show);
      const code = await record(ctx, dir, slug, plan, finished);
      await live?.close('over');
      return code;
    } catch (error) {
      // Answers too large to keep: the answers file holds them all, so no draft is left behind either.
      if (!scripted || kept || !(error instanceof CircleError) || (error as NodeJS.ErrnoException).code !== 'EFBIG') throw error;
      await removeDraft(dir);
      throw new CircleError(`the answers in ${scripted.shown} are too large: ${error.message}`);
    }
  } finally {
    await live?.close('paused');
    await lock.release();
  }
}

/** The room view of this meeting: shown again after every answer; paused when interrupted, over once recorded. */
async function liveRoom(ctx: Context, plan: MeetingPlan, draft: Draft, wanted: NonNullable<ReturnType<typeof roomWanted>>) {
  const { meetingView } = await import('../../core/room.js');
  let latest = draft;
  let state: 'live' | 'paused' | 'over' = 'live';
  const server = await startRoom(ctx, wanted, () => meetingView(plan, latest, ctx.deps.now().toISOString(), state), draft.room);
  let open = true;
  return {
    draft: { ...draft, room: { host: wanted.host ?? draft.room?.host ?? '127.0.0.1', port: server.port, token: server.token } },
    show(d: Draft) {
      latest = d;
      server.refresh();
    },
    async close(how: 'paused' | 'over') {
      if (!open) return;
      open = false;
      state = how;
      await server.close(how === 'over');
    },
  };
}

async function answersFile(ctx: Context, given: string): Promise<AnswersFile> {
  const path = resolve(ctx.deps.cwd, given);
  const shown = displayPath(path, ctx.deps.cwd);
  const { loadAnswers } = await import('../../store/answers.js');
  return { answers: await loadAnswers(path, shown), shown };
}

/** The answers file's prompter, else the tests' or the terminal's. */
async function prompterFor(ctx: Context, scripted: AnswersFile | undefined, members: readonly Member[]): Promise<Prompter> {
  if (!scripted && ctx.deps.prompter) return ctx.deps.prompter;
  const { answersPrompter, interactivePrompter } = await import('../../ui/meet-prompter.js');
  return scripted ? answersPrompter(scripted.answers, scripted.shown, members) : interactivePrompter(await ctx.ask(), ctx.out);
}

/**
 * Ask what is left, saving the draft after every answer. Ctrl-C ends the run with 130,
 * pointing at the draft only when there is one on disk.
 */
async function askSaving(ctx: Context, dir: string, plan: MeetingPlan, draft: Draft, prompter: Prompter, onDisk: boolean, show?: (d: Draft) => void): Promise<Draft> {
  let saved = onDisk;
  // With a room view, resuming without --room would leave the wall on "Paused".
  const resume = show ? '`circle meet --resume --room`' : '`circle meet --resume`';
  const save = async (d: Draft) => {
    try {
      await saveDraft(dir, d);
      show?.(d);
    } catch (error) {
      if (!(error instanceof FileError)) throw error;
      const fix = FIX[error.code ?? ''] ?? 'fix that';
      throw new CircleError(
        saved
          ? `could not save that answer: ${error.reason}. Every answer before it is safe in ${displayPath(draftFile(dir), ctx.deps.cwd)}: ${fix}, then run ${resume}.`
          : `could not save the first answer: ${error.reason}. Nothing was saved: ${fix}, then run \`circle meet\` again.`,
      );
    }
    saved = true;
  };
  try {
    return await runMeeting(plan, draft, { prompter, now: () => ctx.deps.now().toISOString(), save });
  } catch (error) {
    if (!(error instanceof InterruptedError)) throw error;
    const how = error.message === 'interrupted' ? '' : `${error.message}: `; // e.g. "input ended (Ctrl-D): "
    throw new InterruptedError(
      saved ? `\n${how}draft saved — run ${resume} to carry on` : `\n${how}the meeting was not started: nothing was saved.`,
    );
  }
}

function revisitSection(name: string): AgreementId {
  const section = REVISIT_NAMES[name.trim().toLowerCase()];
  if (!section) throw new UsageError(`--revisit ${name}: choose purpose, rules or format`);
  return section;
}

async function record(ctx: Context, dir: string, slug: string, plan: MeetingPlan, draft: Draft): Promise<number> {
  let done;
  try {
    const { recordMeeting } = await import('../../store/record.js');
    done = await recordMeeting(dir, plan, draft, ctx.deps.env);
  } catch (error) {
    if (error instanceof (await import('../../store/git.js')).GitBusyError) {
      const draft = displayPath(draftFile(dir), ctx.deps.cwd);
      throw new CircleError(`the minutes were not written yet: ${error.message}\nEvery answer is safe in ${draft}; once that is done, \`circle meet --resume\` writes them.`);
    }
    if (!(error instanceof FileError)) throw error;
    throw new CircleError(
      `the minutes could not be written: ${error.message}\nEvery answer is safe in ${displayPath(draftFile(dir), ctx.deps.cwd)}: ${FIX[error.code ?? ''] ?? 'fix that'}, then run \`circle meet --resume\` to write them.`,
    );
  }
  const shown = done.written.map((p) => displayPath(p, ctx.deps.cwd));
  ctx.out.info(summary(done, shown[0]!, ctx.out.messageColor));
  if (done.minutes.format) {
    const { circle } = await loadCircle(dir, slug); // as it now reads
    for (const warning of formatWarnings(circle.data)) ctx.out.warn(warning);
  }
  const { reportCommit } = await import('../commit.js');
  return reportCommit(ctx.out, done.commit, `minutes: ${plan.circle.name} ${plan.date}`, 'the minutes are written', shown);
}

/** The few lines shown when a meeting ends. */
function summary({ minutes: m, joined, back, updated, circleUpdated }: Awaited<ReturnType<typeof recordMeeting>>, path: string, c: ChalkInstance): string {
  const talked = AGREEMENTS.filter((section) => m[section]).map(titleOf);
  const present = m.attendance?.present ?? [];
  const guests = m.attendance?.guests ?? [];
  const requests = m.reflect?.requests ?? [];
  const commitments = (m.next?.members ?? []).filter((a) => (a as Record<string, unknown>)[FIELD.commitment]).length;
  const next = m.next;
  const lines = [
    '',
    c.bold(`Meeting ${m.number} on ${m.date}: minutes written to ${path}`),
    `  present      ${plural(present.length, 'person', 'people')}${guests.length ? `, ${plural(guests.length, 'guest')}` : ''}`,
    ...(joined.length ? [`  joined       ${joined.join(', ')} (added to members.yaml)`] : []),
    ...(back.length ? [`  back         ${back.join(', ')} (active again in members.yaml)`] : []),
    ...(updated.length ? [`  updated      ${updated.join(', ')} (what they said of themselves, in members.yaml)`] : []),
    ...(talked.length ? [`  agreed       ${talked.join(', ')}${circleUpdated ? ' (circle.yaml updated)' : ' (no change)'}`] : []),
    ...(m.learning?.topic ? [`  learned      ${m.learning.topic}`] : []),
    `  requests     ${requests.length ? requests.map((r) => r.topic).join('; ') : 'none'}`,
    `  commitments  ${commitments}`,
    `  next         ${next?.topic ?? 'topic not chosen yet'}${next?.speaker ? `, with ${next.speaker}` : ''}${next?.date ? `, on ${next.date}` : ''}`,
  ];
  return lines.join('\n');
}

/** What to do about a file the system would not write, before resuming. */
const FIX: Record<string, string> = {
  ENOSPC: 'free some disk space',
  EDQUOT: 'free some of your disk quota',
  EROFS: 'make the disk writable again',
  EACCES: 'make the circle folder writable for you',
  EPERM: 'make the circle folder writable for you',
};

/** The interrupted meeting to continue, if any: --resume, or on a terminal, ask. */
async function draftToContinue(ctx: Context, dir: string, opts: MeetOptions, scripted: boolean): Promise<Draft | undefined> {
  const draft = await loadDraft(dir);
  if (!draft) {
    if (opts.resume) throw new CircleError('there is no interrupted meeting to resume; run `circle meet` to start one.');
    return undefined;
  }
  if (opts.date !== undefined && opts.date !== draft.date) {
    throw new UsageError(`the interrupted meeting is for ${draft.date}, not ${opts.date}: finish it first with \`circle meet --resume\`.`);
  }
  const count = plural(Object.keys(draft.answers).length, 'answer');
  if (opts.resume) {
    ctx.out.info(`Resuming the meeting of ${draft.date} (${count} kept).`);
    return draft;
  }
  if (scripted) {
    throw new UsageError(
      `a meeting of ${draft.date} was interrupted (${count} kept in ${displayPath(draftFile(dir), ctx.deps.cwd)}).\n` +
        'Add --resume to finish it with these answers, or delete the draft to start over.',
    );
  }
  const ask = await ctx.ask();
  const choice = await ask.select(`A meeting of ${draft.date} was interrupted with ${count} kept.`, [
    { name: 'Resume it', value: 'resume' },
    { name: 'Discard it and start again', value: 'discard' },
  ]);
  if (choice === 'discard' && (await ask.confirm(`Throw away the ${count} of ${draft.date}? This cannot be undone.`, false))) {
    await removeDraft(dir);
    return undefined;
  }
  return draft;
}

/** A meeting dated before the newest one on record: say what happens, and on a terminal ask first. */
async function confirmBackDated(ctx: Context, date: string, newest: string, number: number, scripted: boolean): Promise<void> {
  const what = `the meeting of ${date} comes before the last one on record (${newest}): it will be meeting ${number}, and the ones after it move up a number in history, agendas and minutes (their files stay as they are).`;
  if (scripted || !ctx.interactive()) return ctx.out.warn(what);
  if (!(await (await ctx.ask()).confirm(`Note: ${what}\nRecord it?`, false))) throw new CircleError('nothing was recorded.');
}

/** Try the whole answers file before anything is written: every bad value and unknown step id, together. */
function checkAnswers(plan: MeetingPlan, draft: Draft, { answers, shown }: AnswersFile): void {
  const { bad, unknown } = rehearse(plan, draft, answers);
  const problems = [...bad, ...(unknown.length ? [`no such step in this meeting: ${unknown.join(', ')}`] : [])];
  if (problems.length) {
    throw new UsageError(`${shown}: ${problems.join(`\n${shown}: `)}\n(see "Running a meeting" in the README for the step ids)`);
  }
}

function noTerminal(slug: string, draft: Draft | undefined): string {
  const pending = draft
    ? `\nA meeting of ${draft.date} is in progress; finish it on a terminal with \`circle meet --resume\`, or with \`circle meet --resume --answers FILE\`.`
    : '';
  return (
    `circle meet asks its questions on a terminal, and there is none here.\n` +
    `Run it in a terminal, or give the answers in a YAML file: circle --circle ${slug} meet --answers answers.yaml${pending}`
  );
}

function alreadyRecorded(ctx: Context, dir: string, date: string, fromDraft: boolean): string {
  const path = displayPath(meetingFile(dir, date), ctx.deps.cwd);
  const hint = fromDraft
    ? `The interrupted meeting in ${displayPath(draftFile(dir), ctx.deps.cwd)} is for that date: it looks recorded already; delete the draft if so.`
    : 'Minutes are never overwritten: edit that file, or record another day with --date YYYY-MM-DD.';
  return `${path} already exists. ${hint}`;
}
