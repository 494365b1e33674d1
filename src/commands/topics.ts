// circle topics [drop N|TOPIC]: the backlog of topics the group asked to learn about.
import { isSeq } from 'yaml';
import { warnUnreadable, type Context } from '../context.js';
import { longDate } from '../core/dates.js';
import { backlogByDemand, topicKey } from '../core/memory.js';
import { circleSchema } from '../core/schema.js';
import { UsageError } from '../errors.js';
import { plural } from '../render/document.js';
import { circleFile, listMeetingDates, loadCircle, loadLastMeeting } from '../store/circle.js';
import { loadMemory } from '../store/memory.js';
import { updateYamlFile } from '../store/yaml-file.js';

/** The backlog as the facilitator sees it: everything open, asks in confidence counted but not named. */
async function backlog(ctx: Context) {
  const { dir, slug } = await ctx.circle();
  const [files, dates, last] = await Promise.all([loadCircle(dir, slug), listMeetingDates(dir), loadLastMeeting(dir)]);
  const { memory, unreadable } = await loadMemory(dir, files.circle.data, dates);
  warnUnreadable(ctx, unreadable);
  const chosen = last?.data.next.topic?.trim();
  return { dir, chosen, topics: backlogByDemand(memory, { all: true }) };
}

export async function list(ctx: Context, opts: { json?: boolean }): Promise<void> {
  const { chosen, topics } = await backlog(ctx);
  const rows = topics.map((t, i) => ({
    n: i + 1,
    topic: t.topic,
    asks: t.asks.length,
    since: t.asks[0]!.on,
    by: [...new Set(t.asks.flatMap((a) => (a.by && !a.private ? [a.by] : [])))],
    inConfidence: t.asks.filter((a) => a.private).length,
    ...(chosen && topicKey(chosen) === topicKey(t.topic) && { chosen: true }),
  }));
  if (opts.json) return ctx.out.data(JSON.stringify(rows, null, 2));
  if (!rows.length) return ctx.out.info('No topics are open: the group has learned or let go of everything it asked for.');
  const c = ctx.out.color;
  const lines = rows.map((r) => {
    const who = [...r.by, ...(r.inConfidence ? [`${plural(r.inConfidence, 'ask')} in confidence`] : [])].join(', ');
    const head = `${String(r.n).padStart(3)}. ${r.topic}${r.chosen ? c.green('  (chosen for next time)') : ''}`;
    return `${head}\n     ${c.dim(`asked ${r.asks === 1 ? 'once' : `${r.asks} times`}, first on ${longDate(r.since)}${who ? ` (${who})` : ''}`)}`;
  });
  ctx.out.data(lines.join('\n'));
  ctx.out.info(`\n${plural(rows.length, 'topic')} open, most-asked first. Let one go with \`circle topics drop N\`.`);
}

export async function drop(ctx: Context, which: string): Promise<void> {
  const { dir, topics } = await backlog(ctx);
  const n = /^\d+$/.test(which.trim()) ? Number(which) : undefined;
  const topic = n !== undefined ? topics[n - 1] : topics.find((t) => topicKey(t.topic) === topicKey(which));
  if (!topic) {
    const hint = topics.length ? `\`circle topics\` lists them, numbered 1 to ${topics.length}` : 'no topic is open';
    throw new UsageError(`no open topic ${n !== undefined ? `number ${n}` : JSON.stringify(which)}: ${hint}.`);
  }
  const entry = { topic: topic.topic, on: ctx.today() };
  await updateYamlFile(circleFile(dir), circleSchema, (file) => {
    const list = file.doc.get('dropped_topics', true);
    if (isSeq(list)) {
      list.flow = false;
      list.add(file.doc.createNode(entry));
    } else {
      file.doc.set('dropped_topics', file.doc.createNode([entry]));
    }
  });
  ctx.out.info(`Let go of "${topic.topic}" (asked ${plural(topic.asks.length, 'time')}); it is off the backlog and the agenda. It comes back if someone asks for it again.`);
}
