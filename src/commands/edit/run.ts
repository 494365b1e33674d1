// circle edit [circle|members|minutes DATE]: edit a circle's file by hand, safely. The
// editor works on a copy; the file is replaced (atomically, under the write lock) only
// once the copy checks, and on a problem the editor opens again, like `crontab -e`.
import { basename } from 'node:path';
import type { z } from 'zod';
import type { Context } from '../../context.js';
import { circleSchema, meetingSchema, membersSchema } from '../../core/schema.js';
import { CircleError, DataError, displayPath, EXIT, NotFoundError, UsageError } from '../../errors.js';
import { circleFile, listMeetingDates, loadCircle, meetingFile, membersFile } from '../../store/circle.js';
import { dateMatches } from '../../store/read-file.js';
import { makeEditCopy, replaceIfUnchanged } from '../../store/edit-copy.js';
import { insideWorkTree, refuseWhileUnfinished, unfinishedWork } from '../../store/git.js';
import { parseYaml, readText, type ExtraCheck } from '../../store/yaml-file.js';
import { commitWritten } from '../commit.js';
import { editorOf, openEditor } from '../../ui/editor.js';

type Which = 'circle' | 'members' | 'minutes';

interface Target {
  path: string;
  schema: z.ZodTypeAny;
  extra?: ExtraCheck<any>;
}

async function target(dir: string, which: Which, date: string | undefined): Promise<Target> {
  if (which !== 'minutes' && date !== undefined) throw new UsageError(`a date goes with minutes only: circle edit minutes ${date}`);
  if (which === 'circle') return { path: circleFile(dir), schema: circleSchema };
  if (which === 'members') return { path: membersFile(dir), schema: membersSchema };
  const dates = await listMeetingDates(dir);
  const when = date ?? dates.at(-1);
  if (when === undefined) throw new NotFoundError('this circle has no meetings yet: nothing to edit.');
  if (!dates.includes(when)) throw new NotFoundError(`no meeting on ${when}; circle history lists the meetings.`);
  return { path: meetingFile(dir, when), schema: meetingSchema, extra: dateMatches(when) };
}

export async function run(ctx: Context, which: Which = 'circle', date: string | undefined): Promise<number> {
  const { ws, slug, dir } = await ctx.circle();
  const file = await target(dir, which, date);
  const shown = displayPath(file.path, ctx.deps.cwd);
  // While a sync waits, only the files it waits for are edited (to settle them).
  await refuseWhileUnfinished(dir, ctx.deps.env, file.path);
  const original = await readText(file.path);

  const copy = await makeEditCopy(file.path, original);
  const keep = (why: string, code: number) => {
    ctx.out.info(`${why} ${shown} was not changed; your edit is kept in ${copy.path}`);
    return code;
  };

  let text: string;
  for (;;) {
    const status = await openEditor(copy.path, ctx.deps.env);
    if (status !== 0) {
      const hint = status === 127 ? ` (is ${editorOf(ctx.deps.env)} installed? Choose another with EDITOR=nano)` : '';
      return keep(`The editor stopped with status ${status}${hint}.`, EXIT.failure);
    }
    text = await readText(copy.path);
    if (text === original) {
      await copy.discard();
      ctx.out.info(`No changes to ${shown}.`);
      return EXIT.ok;
    }
    try {
      parseYaml(file.path, text, file.schema, file.extra);
      break;
    } catch (error) {
      if (!(error instanceof DataError)) throw error;
      ctx.out.info(error.message);
      if (/^(<{7}|={7}|>{7})( |$)/m.test(text)) {
        ctx.out.info('The file still has the marker lines of a sync: keep one version of each part and delete the <<<<<<<, ======= and >>>>>>> lines.');
      }
    }
    const again = ctx.interactive() && (await (await ctx.ask()).confirm('Edit it again?', true));
    if (!again) return keep('The edit does not check, so', EXIT.data);
  }

  let replaced: boolean;
  try {
    replaced = await replaceIfUnchanged(file.path, original, text);
  } catch (error) {
    // A refused write (read-only, a link out of the workspace, a full disk) keeps the edit, as every refusal does.
    if (!(error instanceof CircleError)) throw error;
    ctx.out.info(error.message);
    return keep('So', error.exitCode);
  }
  if (!replaced) return keep(`${shown} changed while you were editing (another command, or a sync), so`, EXIT.failure);
  await copy.discard();
  ctx.out.info(`Saved ${shown}.`);
  return commitEdit(ctx, ws.root, dir, slug, file.path);
}

/** Commit the edited file alone, when circle.yaml asks for commits and git can take one now. */
async function commitEdit(ctx: Context, root: string, dir: string, slug: string, path: string): Promise<number> {
  if (!(await insideWorkTree(root, ctx.deps.env))) return EXIT.ok;
  let circle;
  try {
    circle = (await loadCircle(dir, slug)).circle.data;
  } catch (error) {
    if (!(error instanceof DataError)) throw error;
    ctx.out.info('Not committed: the circle\'s other files do not check (circle check shows why).');
    return EXIT.ok;
  }
  // A file edited in the middle of a sync is committed by the sync when it carries on.
  const work = circle.git.commit !== false && (await unfinishedWork(root, ctx.deps.env));
  if (work && work.sync === 'stopped') {
    ctx.out.info('Not committed: a sync is waiting for this file. Run circle sync to carry on.');
    return EXIT.ok;
  }
  const message = `edit: ${circle.name} ${basename(path)}`;
  return commitWritten(ctx, dir, circle.git.commit, [path], message, 'the edit is saved');
}
