// circle meet: walk the facilitator through the meeting, saving every answer to the
// draft at once, then write the minutes, add newcomers to members.yaml and commit.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Context } from '../cli.js';
import { isIsoDate } from '../core/dates.js';
import { newDraft, planMeeting, rollChanges, runMeeting, toMinutes, type Draft, type MeetingPlan, type Prompter, type Step } from '../core/meet.js';
import { CircleError, EXIT, InterruptedError, UsageError } from '../errors.js';
import { renderMeetSummary } from '../render/meet.js';
import { loadAnswers } from '../store/answers.js';
import { loadCircle, loadLastMeeting, loadMembers, meetingFile, membersFile, writeNewMeeting, type CircleFiles } from '../store/circle.js';
import { draftFile, loadDraft, removeDraft, saveDraft } from '../store/draft.js';
import { commitPaths, insideWorkTree } from '../store/git.js';
import { acquireLock } from '../store/lock.js';
import { changeMembers } from '../store/members.js';
import { loadPrompts } from '../store/templates.js';
import { displayPath } from '../store/yaml-file.js';
import { plural } from '../render/document.js';

interface MeetOptions {
  date?: string;
  resume?: boolean;
  answers?: string;
}

interface AnswersFile {
  answers: Record<string, unknown>;
  shown: string;
}

export async function run(ctx: Context, opts: MeetOptions): Promise<number> {
  if (opts.date !== undefined && !isIsoDate(opts.date)) throw new UsageError(`--date ${opts.date}: use YYYY-MM-DD, e.g. 2026-11-17`);
  const scripted = opts.answers === undefined ? undefined : await answersFile(ctx, opts.answers);
  const { dir, slug } = await ctx.circle();
  const files = await loadCircle(dir, slug);
  if (!scripted && !ctx.interactive()) throw new UsageError(noTerminal(slug, await loadDraft(dir)));

  const now = () => ctx.deps.now().toISOString();
  const lock = await acquireLock(dir, now());
  try {
    const kept = await draftToContinue(ctx, dir, opts, scripted !== undefined);
    const date = kept?.date ?? opts.date ?? ctx.today();
    if (existsSync(meetingFile(dir, date))) throw new CircleError(alreadyRecorded(ctx, dir, date, kept !== undefined));
    const last = (await loadLastMeeting(dir, date))?.data;
    const plan = planMeeting(files.circle.data, files.members.data.members, last, await loadPrompts(), date);
    const draft = kept ?? newDraft(date, now());
    const prompter = scripted ? await checkedAnswers(plan, draft, scripted) : await terminalPrompter(ctx);
    const finished = await askSaving(ctx, dir, plan, draft, prompter, kept !== undefined);
    return await record(ctx, files, plan, finished);
  } finally {
    await lock.release();
  }
}

async function answersFile(ctx: Context, given: string): Promise<AnswersFile> {
  const path = resolve(ctx.deps.cwd, given);
  const shown = displayPath(path, ctx.deps.cwd);
  return { answers: await loadAnswers(path, shown), shown };
}

async function terminalPrompter(ctx: Context): Promise<Prompter> {
  const { createAsk } = await import('../ui/ask.js');
  const { interactivePrompter } = await import('../ui/meet-prompter.js');
  return interactivePrompter(createAsk(ctx.deps), ctx.out);
}

/**
 * Ask what is left, saving the draft after every answer. Ctrl-C ends the run with 130,
 * pointing at the draft only when there is one on disk.
 */
async function askSaving(ctx: Context, dir: string, plan: MeetingPlan, draft: Draft, prompter: Prompter, onDisk: boolean): Promise<Draft> {
  let saved = onDisk;
  const save = async (d: Draft) => {
    await saveDraft(dir, d);
    saved = true;
  };
  try {
    return await runMeeting(plan, draft, { prompter, now: () => ctx.deps.now().toISOString(), save });
  } catch (error) {
    if (!(error instanceof InterruptedError)) throw error;
    throw new InterruptedError(
      saved ? '\ndraft saved — run `circle meet --resume` to carry on' : '\nthe meeting was not started: nothing was saved.',
    );
  }
}

/**
 * Members, minutes, then the commit. members.yaml goes first and only once, so a crash in
 * between loses nothing: the draft stays and `--resume` (with nothing left to ask) ends here again.
 */
async function record(ctx: Context, files: CircleFiles, plan: MeetingPlan, draft: Draft): Promise<number> {
  const { dir } = files;
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
  const roll = { joined: joining.map((m) => m.name), back: returning.map((r) => r.name) };
  ctx.out.info(renderMeetSummary(minutes, roll, displayPath(written[0]!, ctx.deps.cwd), ctx.out.messageColor));

  const wanted = files.circle.data.git.commit;
  if (wanted === false) return EXIT.ok;
  if (!(await insideWorkTree(dir, ctx.deps.env))) {
    if (wanted) ctx.out.info('Not committed: this workspace is not a git repository (`git init` to keep the history in git).');
    return EXIT.ok;
  }
  const result = await commitPaths(dir, written, `minutes: ${plan.circle.name} ${plan.date}`, ctx.deps.env);
  if (result.ok) {
    ctx.out.info(`Committed: minutes: ${plan.circle.name} ${plan.date}`);
    return EXIT.ok;
  }
  const shown = written.map((p) => displayPath(p, ctx.deps.cwd)).join(' ');
  ctx.out.warn(`the minutes are written, but git could not commit them:\n  ${result.reason}\nCommit them yourself: git add -- ${shown} && git commit -- ${shown}`);
  return EXIT.failure;
}

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
  const n = Object.keys(draft.answers).length;
  const count = plural(n, 'answer');
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
  const { createAsk } = await import('../ui/ask.js');
  const ask = createAsk(ctx.deps);
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

/** Try the whole answers file before writing anything: bad values and unknown step ids are reported together. */
async function checkedAnswers(plan: MeetingPlan, draft: Draft, { answers, shown }: AnswersFile): Promise<Prompter> {
  const { answersPrompter } = await import('../ui/meet-prompter.js');
  const rehearsal = answersPrompter(answers, shown);
  await runMeeting(plan, draft, { prompter: rehearsal, now: () => draft.started, save: async () => {} });
  const unknown = rehearsal.unused().filter((id) => !(id in draft.answers));
  if (unknown.length) {
    throw new UsageError(`${shown}: no such step in this meeting: ${unknown.join(', ')}\n(see "Running a meeting" in the README for the step ids)`);
  }
  return answersPrompter(answers, shown);
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
