// circle send agenda|recap [DATE]: the next agenda (with its calendar invitation) before a
// meeting, or a meeting's recap after it, to each active member with an address, through
// the facilitator's own mail account; each message recorded in the circle as it leaves.
import { mkdir } from 'node:fs/promises';
import type { SendMailOptions } from 'nodemailer';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { isIsoDate } from '../../core/dates.js';
import { longDate } from '../../core/words.js';
import { buildIcs, meetingEvents } from '../../core/ics.js';
import { buildRecap, mailWords, recipientsOf, type MailFacts, type MailKind, type Recipient } from '../../core/mail.js';
import { findMember, lookupHint, searchKey } from '../../core/members.js';
import { nameKey } from '../../core/names.js';
import { upcomingMeetings } from '../../core/schedule.js';
import { slugify } from '../../core/slugify.js';
import type { Circle, Member } from '../../core/schema.js';
import { ownFolder, printFolder, type Context } from '../../context.js';
import { CircleError, displayPath, EXIT, NotFoundError, UsageError } from '../../errors.js';
import { agendaDocument } from '../../render/agenda.js';
import { plural, type Block, type PrintDocument } from '../../render/document.js';
import { renderDocument } from '../../render/formats.js';
import { recapDocument } from '../../render/recap.js';
import { writeOutputFile } from '../../store/atomic.js';
import { listMeetingDates, loadCircle, loadLastMeeting, loadMeeting } from '../../store/circle.js';
import { loadMailSettings, type MailSettings } from '../../store/mail-config.js';
import { reachedBy, readSent, recordSent, sentAttributes, sentFile, sentIgnore } from '../../store/sent.js';
import { agendaFor } from '../agenda/run.js';
import { commitWritten } from '../commit.js';

interface SendOptions {
  dryRun?: boolean;
  out?: string;
  to?: string;
  again?: boolean;
  yes?: boolean;
  ca?: string;
  tlsInsecure?: boolean;
}

/** What one kind of mail holds for everyone: its date, the document, and an attachment. */
interface Mailing {
  kind: MailKind;
  /** The meeting it is about: the next one (agenda) or the one held (recap). */
  date: string;
  facts: MailFacts;
  doc: PrintDocument;
  attachments: Array<{ filename: string; content: string; contentType: string }>;
}

type Prepared = Awaited<ReturnType<typeof prepare>>;

async function agendaMailing(ctx: Context, dir: string, slug: string, circle: Circle, date: string | undefined): Promise<Mailing> {
  const agenda = await agendaFor(ctx, dir, slug, date);
  for (const warning of agenda.warnings) ctx.out.warn(warning);
  // The calendar event is the one `schedule --ics` writes for that date: the same UID, so it is shown once.
  const last = (await loadLastMeeting(dir))?.data;
  const upcoming = upcomingMeetings({ circle, last: last && last.date < agenda.date ? last : undefined, today: ctx.today(), from: agenda.date, count: 1 });
  const { topic, speaker } = agenda.learning ?? {};
  const meeting = upcoming.find((m) => m.date === agenda.date && !m.skipped) ?? { date: agenda.date, skipped: false, topic, speaker };
  const ics = buildIcs({ name: circle.name, stamp: ctx.deps.now(), events: meetingEvents(circle, [meeting]) });
  return {
    kind: 'agenda',
    date: agenda.date,
    facts: { circle: circle.name, date: agenda.date, start: agenda.start, ...(agenda.place && { place: agenda.place }) },
    doc: agendaDocument(agenda),
    attachments: [{ filename: `${slug}-${agenda.date}.ics`, content: ics, contentType: 'text/calendar; charset=utf-8; method=PUBLISH' }],
  };
}

async function recapMailing(dir: string, circle: Circle, date: string | undefined): Promise<Mailing> {
  const dates = await listMeetingDates(dir);
  const wanted = date ?? dates.at(-1);
  if (!wanted) throw new NotFoundError('no meeting is recorded yet: a recap follows a meeting (`circle meet`)');
  if (!dates.includes(wanted)) throw new NotFoundError(`no meeting on ${wanted}; the meetings recorded are listed by \`circle history\``);
  const meeting = (await loadMeeting(dir, wanted)).data;
  return {
    kind: 'recap',
    date: wanted,
    facts: { circle: circle.name, date: wanted },
    doc: recapDocument(buildRecap(circle.name, meeting)),
    attachments: [],
  };
}

/** The mailing's document with this person's greeting and the introduction before it, and the signature after. */
async function prepare(m: Mailing, to: Recipient) {
  const words = mailWords(m.kind, m.facts, to);
  const intro: Block[] = [{ kind: 'paragraph', text: words.greeting }, { kind: 'paragraph', text: words.intro }];
  const doc: PrintDocument = { ...m.doc, intro: [...intro, ...(m.doc.intro ?? [])], footer: [m.doc.footer, words.signature].filter(Boolean).join('\n\n') };
  const [text, html] = await Promise.all([renderDocument(doc, 'text'), renderDocument(doc, 'html')]);
  return { to, subject: words.subject, text: String(text), html: String(html) };
}

/** Who is sent to: everyone with an address, or the one named with --to. */
function chooseRecipients(ctx: Context, members: readonly Member[], to: string | undefined): Recipient[] {
  const { recipients, noAddress } = recipientsOf(members);
  if (to === undefined) {
    if (noAddress.length) ctx.out.info(`No address for ${noAddress.join(', ')}: add one with \`circle edit members\` (email: under their name).`);
    return recipients;
  }
  const hit = findMember(members, to);
  if (!hit.found && hit.matches.length) throw new UsageError(`--to ${to}: more than one member matches; ${lookupHint(hit, '')}`);
  if (!hit.found) throw new NotFoundError(`--to ${to}: no member matches; ${lookupHint(hit, 'see `circle members`.')}`);
  const found = recipients.find((r) => r.name === hit.found.name);
  if (found) return [found];
  if (!hit.found.active) throw new CircleError(`${hit.found.name} has left the circle (active: false)`);
  throw new CircleError(`${hit.found.name} has no mail address in members.yaml (email: under their name; \`circle edit members\`)`);
}

/** Where a dry run's .eml files go: --out (never inside circles/, which git shares), else print/mail-KIND-DATE (git ignores it). */
async function dryRunFolder(ctx: Context, m: Mailing, out: string | undefined): Promise<string> {
  if (out === undefined) {
    const print = await printFolder((await ctx.circle()).dir, ctx.deps.cwd);
    return ownFolder(join(print, `mail-${m.kind}-${m.date}`), ctx.deps.cwd, 'move it away, or give --out FOLDER');
  }
  const folder = resolve(ctx.deps.cwd, out);
  const circles = join(ctx.workspace().root, 'circles');
  const inside = relative(circles, folder);
  if (!inside.startsWith('..') && !isAbsolute(inside)) {
    throw new UsageError(`--out ${out}: the .eml files would land inside circles/, which git shares; choose a folder outside it`);
  }
  await mkdir(folder, { recursive: true });
  return folder;
}

async function dryRun(ctx: Context, m: Mailing, settings: MailSettings, people: readonly Prepared[], out: string | undefined): Promise<number> {
  const { emlOf } = await import('../../mail/transport.js');
  const folder = await dryRunFolder(ctx, m, out);
  if (!settings.from) {
    const shown = displayPath(settings.file, ctx.deps.cwd);
    ctx.out.info(`No mail settings yet (${shown}): the messages have no sender; your mail program fills it in.`);
  }
  const names = new Set<string>();
  for (const p of people) {
    const stem = slugify(searchKey(p.to.name)) || slugify(p.to.email.split('@')[0]!) || 'member';
    let base = stem;
    for (let n = 2; names.has(base); n++) base = `${stem}-${n}`;
    names.add(base);
    const file = join(folder, `${base}.eml`);
    const eml = await emlOf(message(settings, m, p));
    await writeOutputFile(file, eml);
    ctx.out.data(`${displayPath(file, ctx.deps.cwd)}\t${p.to.name} <${p.to.email}>`);
  }
  ctx.out.info(`Dry run: ${plural(people.length, 'message')} written, nothing sent. Open one in your mail program to see it as members will.`);
  return EXIT.ok;
}

const message = (s: MailSettings, m: Mailing, p: Prepared): SendMailOptions => ({
  to: { name: p.to.name, address: p.to.email },
  from: s.from,
  replyTo: s.replyTo ?? s.from,
  subject: p.subject,
  text: p.text,
  html: p.html,
  attachments: m.attachments,
});

/** On a terminal: what is about to go, and a yes. In a script: --yes. */
async function confirmed(ctx: Context, m: Mailing, people: readonly Prepared[], yes: boolean | undefined): Promise<boolean> {
  if (yes) return true;
  if (!ctx.interactive()) throw new UsageError('sending mail needs a yes: add --yes (in a script), or look first with --dry-run');
  const first = people[0]!;
  // The message first, then what the question is about, so both are on the screen together.
  const to = people.map((p) => `${p.to.name} <${p.to.email}>`).join(', ');
  ctx.out.info(`${'-'.repeat(40)}\n${first.text.trimEnd()}\n${'-'.repeat(40)}\nSubject: ${first.subject}\nTo: ${to}`);
  return (await ctx.ask()).confirm(`Send the ${m.kind} for ${longDate(m.date)} to ${plural(people.length, 'person', 'people')}?`, false);
}

export async function run(ctx: Context, kind: string, date: string | undefined, opts: SendOptions): Promise<number> {
  if (kind !== 'agenda' && kind !== 'recap') throw new UsageError(`circle send ${kind}: send agenda (before a meeting) or recap (after it)`);
  if (date !== undefined && !isIsoDate(date)) throw new UsageError(`${date}: give the meeting's date as YYYY-MM-DD, e.g. 2026-11-17`);
  if (opts.out !== undefined && !opts.dryRun) throw new UsageError('--out is where --dry-run writes its .eml files: add --dry-run');

  const { dir, slug } = await ctx.circle();
  const [{ circle, members }, settings] = await Promise.all([loadCircle(dir, slug), loadMailSettings(ctx.deps.env, ctx.deps.cwd, opts)]);
  const mailing = kind === 'agenda' ? await agendaMailing(ctx, dir, slug, circle.data, date) : await recapMailing(dir, circle.data, date);
  const facilitator = settings.from?.match(/^\s*"?([^"<]+?)"?\s*</)?.[1]?.trim(); // the sender's name
  if (facilitator) mailing.facts.facilitator = facilitator;

  const everyone = chooseRecipients(ctx, members.data.members, opts.to);
  const reached = reachedBy(await readSent(dir, mailing.date), mailing.kind);
  const waiting = opts.again ? everyone : everyone.filter((r) => !reached.has(nameKey(r.name)));
  const what = `the ${mailing.kind} for ${longDate(mailing.date)}`;
  if (!waiting.length) {
    if (!everyone.length) throw new CircleError(`nobody to send ${what} to: no active member has a mail address (email: in members.yaml)`);
    const when = everyone.map((r) => `${r.name} on ${reached.get(nameKey(r.name))!.at.slice(0, 10)}`).join(', ');
    ctx.out.info(`Everyone had ${what} already (${when}). --again sends it again.`);
    return EXIT.ok;
  }
  if (!opts.again && reached.size && waiting.length < everyone.length) {
    ctx.out.info(`Already sent ${what} to ${everyone.length - waiting.length}; sending to the ${waiting.length} not yet reached.`);
  }
  const people = await Promise.all(waiting.map((r) => prepare(mailing, r)));

  if (opts.dryRun) return dryRun(ctx, mailing, settings, people, opts.out);
  const transport = settings.transport;
  if (!transport || !settings.from) {
    throw new CircleError(
      `no mail settings: put your account in ${displayPath(settings.file, ctx.deps.cwd)} (chmod 600) or in CIRCLE_SMTP_* variables; ` +
        `"Mail to members" in the README shows how. --dry-run writes the messages as .eml files without them.`,
    );
  }
  if (!(await confirmed(ctx, mailing, people, opts.yes))) {
    ctx.out.info('Nothing was sent.');
    return EXIT.ok;
  }
  return deliver(ctx, dir, circle.data, mailing, settings, people);
}

/** Send each message, recording each as it leaves; report each failure by name. */
async function deliver(ctx: Context, dir: string, circle: Circle, m: Mailing, settings: MailSettings, people: readonly Prepared[]): Promise<number> {
  const { connectionFailed, mailReason, openOutbox } = await import('../../mail/transport.js');
  const outbox = await openOutbox(settings.transport!);
  const sent: string[] = [];
  const failed: Array<{ name: string; why: string }> = [];
  try {
    try {
      await outbox.verify();
    } catch (error) {
      throw new CircleError(`nothing was sent: ${mailReason(error, outbox.where)}`);
    }
    for (const [i, p] of people.entries()) {
      try {
        await outbox.send(message(settings, m, p));
      } catch (error) {
        failed.push({ name: `${p.to.name} <${p.to.email}>`, why: mailReason(error, outbox.where) });
        if (!connectionFailed(error)) continue;
        for (const rest of people.slice(i + 1)) failed.push({ name: `${rest.to.name} <${rest.to.email}>`, why: 'not tried: the connection had failed' });
        break;
      }
      await recordSent(dir, m.date, { at: ctx.deps.now().toISOString(), kind: m.kind, name: p.to.name, email: p.to.email });
      sent.push(p.to.name);
      ctx.out.info(`Sent to ${p.to.name} <${p.to.email}>`);
    }
  } finally {
    outbox.close();
  }
  for (const f of failed) ctx.out.warn(`not sent to ${f.name}: ${f.why}`);
  const what = `the ${m.kind} for ${longDate(m.date)}`;
  if (sent.length) ctx.out.info(`Sent ${what} to ${sent.length} of ${people.length}; recorded in ${displayPath(sentFile(dir, m.date), ctx.deps.cwd)}.`);
  if (failed.length) ctx.out.info(`Run the same command again to send to the ${failed.length} not reached (those reached are not sent to twice).`);
  const code = failed.length ? EXIT.failure : EXIT.ok;
  if (!sent.length) return code;
  const files = [sentFile(dir, m.date), sentAttributes(dir), sentIgnore(dir)];
  const subject = `send: ${m.kind} for ${m.date} to ${sent.length}`;
  return Math.max(code, await commitWritten(ctx, dir, circle.git.commit, files, subject, 'The record of what was sent is written'));
}
