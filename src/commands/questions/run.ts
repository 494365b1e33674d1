// circle questions [drop N|TEXT]: the questions left open at Learning Together and the new
// issues raised at Reflect that the group has not answered yet.
import { warnUnreadable, type Context } from '../../context.js';
import { longDate, t } from '../../core/words.js';
import { pickOpen, questionsByDemand } from '../../core/memory.js';
import { NotFoundError } from '../../errors.js';
import { commitWritten } from '../commit.js';
import { plural } from '../../render/document.js';
import { circleFile, loadCircle } from '../../store/circle.js';
import { dropQuestion } from '../../store/agreements.js';
import { circleMemory } from '../../store/memory.js';
import { fitWidth } from '../../render/wrap.js';

/** Everything still open, as the facilitator sees it: raised in confidence counted, not named. */
async function open(ctx: Context) {
  const { dir, slug } = await ctx.circle();
  const { circle } = await loadCircle(dir, slug);
  const { memory, unreadable } = await circleMemory(dir, circle.data);
  warnUnreadable(ctx, unreadable);
  return { dir, circle: circle.data, questions: questionsByDemand(memory, { all: true }) };
}

export async function list(ctx: Context, opts: { json?: boolean }): Promise<void> {
  const { questions } = await open(ctx);
  if (opts.json) return ctx.out.data(JSON.stringify(questions.map((q, i) => ({ n: i + 1, ...q })), null, 2));
  if (!questions.length) return ctx.out.info('No questions or issues are open: the group has answered or let go of everything raised.');
  const c = ctx.out.color;
  const lines = questions.map((q, i) => {
    const who = [...q.by, ...(q.inConfidence ? [t('questions.in_confidence', { count: q.inConfidence })] : [])].join(', ');
    const raised = t('questions.raised', { kind: t(`questions.${q.kind}`), count: q.count, date: longDate(q.first) });
    return `${String(i + 1).padStart(3)}. ${q.text}\n     ${c.dim(`${raised}${who ? ` (${who})` : ''}`)}`;
  });
  ctx.out.data(fitWidth(lines.join('\n'), ctx.out.width));
  ctx.out.info(
    `\n${plural(questions.length, 'question or issue', 'questions and issues')} open, most raised first. ` +
      'Mark one answered at a meeting (Learning Together), or let it go with `circle questions drop N`.',
  );
}

export async function drop(ctx: Context, which: string): Promise<number> {
  const { dir, circle, questions } = await open(ctx);
  const question = pickOpen(questions, which, (q) => q.text);
  if (!question) {
    const hint = questions.length ? `\`circle questions\` lists them, numbered 1 to ${questions.length}` : 'none is open';
    throw new NotFoundError(`no single open question ${/^\d+$/.test(which.trim()) ? `number ${which.trim()}` : JSON.stringify(which)}: ${hint}.`);
  }
  // Everything raised so far is let go, even at a meeting dated after today.
  await dropQuestion(dir, { question: question.text, on: question.last > ctx.today() ? question.last : ctx.today() });
  ctx.out.info(`Let go of "${question.text}": it is off the agenda, and comes back if someone raises it again.`);
  const message = `questions: ${circle.name}: let go of ${question.text}`;
  return commitWritten(ctx, dir, circle.git.commit, [circleFile(dir)], message);
}
