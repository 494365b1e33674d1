// circle init [name]: scaffold a circle from templates/.
import { join } from 'node:path';
import type { Context } from '../../context.js';
import { planCircle, type InitAnswers } from '../../core/init.js';
import { INIT_DEFAULTS, validateInit } from '../../core/init-checks.js';
import { LANGUAGES } from '../../core/languages.js';
import { displayPath, UsageError } from '../../errors.js';
import { refuseWhileUnfinished } from '../../store/git.js';
import { registerMergeDriver } from '../../store/merge-driver.js';
import { createCircle } from '../../store/scaffold.js';
import { findWorkspace } from '../../store/workspace.js';
import { commitWritten } from '../commit.js';

export async function run(ctx: Context, name: string | undefined, opts: Omit<InitAnswers, 'name'> & { yes?: boolean }): Promise<number> {
  // With no workspace found, the current folder becomes one.
  const ws = findWorkspace({ home: ctx.global.home, env: ctx.deps.env, cwd: ctx.deps.cwd }) ?? {
    root: ctx.deps.cwd,
    circlesDir: join(ctx.deps.cwd, 'circles'),
  };
  // Before any question: a new circle made while a sync waits would be swept into it.
  await refuseWhileUnfinished(ws.root, ctx.deps.env);
  const answers: InitAnswers = { name: name ?? '', ...opts };
  if (!opts.yes && ctx.interactive()) await askMissing(ctx, answers, name === undefined);
  else if (!answers.name.trim()) throw new UsageError('give the circle a name, e.g. circle init "Eastside Youth Workers" --yes');

  const plan = planCircle(answers, ctx.today());
  if ('problems' in plan) throw new UsageError(plan.problems.join('\n'));

  const { dir, written } = await createCircle(ws, plan);
  // In a git work tree, co-facilitators' edits will merge by member and field. The circle
  // is made either way: a failure here is said, and `circle sync` sets it up again.
  const attributes = await registerMergeDriver(ws.root, ctx.deps.env).catch((error: unknown) => {
    ctx.out.warn(`git was not set up to merge the circle's files (${(error as Error).message.split('\n')[0]}); circle sync will do it.`);
    return [];
  });
  for (const w of plan.warnings) ctx.out.warn(w);
  const c = ctx.out.messageColor;
  ctx.out.info(
    `${c.green('Created')} ${displayPath(dir, ctx.deps.cwd)}/ for ${c.bold(answers.name.trim())}.\n` +
      `Next: add people with \`circle members add\`, print the first agenda with \`circle agenda\`,\n` +
      `and run the first meeting with \`circle meet\`: the group agrees its purpose, ground rules and format.`,
  );
  // In a git repository the new circle is committed at once, so a clone of the workspace has it.
  const message = `circle: start ${answers.name.trim()}`;
  return commitWritten(ctx, dir, undefined, [...written, ...attributes], message, `${displayPath(dir, ctx.deps.cwd)}/ is written`);
}

async function askMissing(ctx: Context, a: InitAnswers, askName: boolean): Promise<void> {
  const ask = await ctx.ask();
  if (askName) a.name = await ask.text('Name of the circle', { validate: validateInit.name });
  a.language ??= await ask.text(`The group's language (${LANGUAGES.join(', ')})`, { default: 'en', validate: validateInit.language });
  a.purpose ??= await ask.text('Why does it meet? (purpose, can be agreed at the first meeting)', { default: '' });
  a.cadence ??= await ask.text('How often?', { default: INIT_DEFAULTS.cadence, validate: validateInit.cadence });
  a.start ??= await ask.text('Start time (24 h)', { default: INIT_DEFAULTS.start, validate: validateInit.start });
  a.duration ??= await ask.text('Minutes per meeting', { default: String(INIT_DEFAULTS.duration), validate: validateInit.duration });
  a.location ??= await ask.text('Where?', { default: '' });
}
