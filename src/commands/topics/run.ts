// circle topics [drop N|TOPIC]: the backlog of topics the group asked to learn about.
import { warnUnreadable, type Context } from '../../context.js';
import { backlogByDemand, pickOpen, topicKey } from '../../core/memory.js';
import { NotFoundError } from '../../errors.js';
import { commitWritten } from '../commit.js';
import { plural } from '../../render/document.js';
import { longDate, t } from '../../core/words.js';
import { circleFile, loadCircle, loadLastMeeting } from '../../store/circle.js';
import { circleMemory } from '../../store/memory.js';
import { dropTopic } from '../../store/agreements.js';
import { fitWidth } from '../../render/wrap.js';

/** The backlog as the facilitator sees it: everything open, asks in confidence counted but not named. */
async function backlog(ctx: Context) {
  const { dir, slug } = await ctx.circle();
  const [files, last] = await Promise.all([loadCircle(dir, slug), loadLastMeeting(dir)]);
  const { memory, unreadable } = await circleMemory(dir, files.circle.data);
  warnUnreadable(ctx, unreadable);
  const chosen = last?.data.next.topic?.trim();
  return { dir, circle: files.circle.data, chosen, topics: backlogByDemand(memory, { all: true }) };
}

export async function list(ctx: Context, opts: { json?: boolean }): Promise<void> {
  const { chosen, topics } = await backlog(ctx);
  const rows = topics.map((t, i) => ({
    n: i + 1,
    topic: t.topic,
    asks: t.count,
    since: t.first,
    by: t.by,
    inConfidence: t.inConfidence,
    ...(chosen && topicKey(chosen) === topicKey(t.topic) && { chosen: true }),
  }));
  if (opts.json) return ctx.out.data(JSON.stringify(rows, null, 2));
  if (!rows.length) return ctx.out.info('No topics are open: the group has learned or let go of everything it asked for.');
  const c = ctx.out.color;
  const lines = rows.map((r) => {
    const who = [...r.by, ...(r.inConfidence ? [t('topics.in_confidence', { count: r.inConfidence })] : [])].join(', ');
    const head = `${String(r.n).padStart(3)}. ${r.topic}${r.chosen ? c.green(t('topics.chosen')) : ''}`;
    return `${head}\n     ${c.dim(`${t('topics.asked', { count: r.asks, date: longDate(r.since) })}${who ? ` (${who})` : ''}`)}`;
  });
  ctx.out.data(fitWidth(lines.join('\n'), ctx.out.width));
  ctx.out.info(`\n${plural(rows.length, 'topic')} open, most-asked first. Let one go with \`circle topics drop N\`.`);
}

export async function drop(ctx: Context, which: string): Promise<number> {
  const { dir, circle, topics } = await backlog(ctx);
  const topic = pickOpen(topics, which, (t) => t.topic);
  if (!topic) {
    const hint = topics.length ? `\`circle topics\` lists them, numbered 1 to ${topics.length}` : 'no topic is open';
    throw new NotFoundError(`no single open topic ${/^\d+$/.test(which.trim()) ? `number ${which.trim()}` : JSON.stringify(which)}: ${hint}.`);
  }
  // Every ask so far is let go, even one dated after today (minutes recorded ahead of time).
  await dropTopic(dir, { topic: topic.topic, on: topic.last > ctx.today() ? topic.last : ctx.today() });
  const asked = topic.count === 1 ? 'asked once' : `asked ${topic.count} times`;
  ctx.out.info(`Let go of "${topic.topic}" (${asked}): it is off the backlog and the agenda, and comes back if someone asks for it again.`);
  const message = `topics: ${circle.name}: let go of ${topic.topic}`;
  return commitWritten(ctx, dir, circle.git.commit, [circleFile(dir)], message);
}
