// Agenda data as a printable document: every format (markdown, text, html, pdf) is
// printed from this one document, so they all carry the same content.
import type { Agenda, AgendaCommitment, AgendaQuestion, AgendaSection, BacklogItem } from '../core/agenda.js';
import { labelOf, say } from '../core/prompts.js';
import { longDate, t, topicAsked } from '../core/words.js';
import type { Block, PrintDocument, Section } from './document.js';

const paragraph = (text: string, muted = false): Block => ({ kind: 'paragraph', text, ...(muted && { muted }) });
const list = (items: Array<string | { label: string; text: string }>): Block => ({ kind: 'list', items });
const subheading = (text: string): Block => ({ kind: 'subheading', text });

/** The section's own description and questions: in a handout, the questions run on in one paragraph. */
function prompts(s: AgendaSection, full: boolean): Block[] {
  const questions = !s.questions.length ? [] : full ? [list(s.questions)] : [paragraph(s.questions.join('  ·  '))];
  return [...(s.about ? [paragraph(s.about, true)] : []), ...questions];
}

/** An open question or issue: who raised it, and how often since when if more than once. */
function raised(q: AgendaQuestion): string | { label: string; text: string } {
  const text = q.count > 1 ? say('learning', 'raised_often', { text: q.text, count: q.count, since: longDate(q.since) }) : q.text;
  return q.by.length ? { label: q.by.join(', '), text } : text;
}

/** A list cut short for the handout says how many more there are, and where they all are. */
const more = (count: number): Block[] => (count ? [paragraph(say('learning', 'more_open', { count }), true)] : []);

/** Text ended with a full stop, unless it ends with its own (…leaving? stays as it is). */
const sentence = (text: string) => (/[.!?…]$/.test(text) ? text : `${text}.`);

const person = (n: { name: string; organization?: string }) => (n.organization ? `${n.name} (${n.organization})` : n.name);

/** What the agenda adds to each section from the circle and the last meeting. */
function details(a: Agenda, s: AgendaSection): Block[] {
  switch (s.id) {
    case 'introductions':
      if (!a.newcomers.length) return [];
      return [subheading(t(a.kind === 'first' ? 'agenda.around_table' : 'agenda.joining')), list(a.newcomers.map(person))];
    case 'ground_rules':
      if (!a.groundRules.length) return [];
      return a.kind === 'first' ? [subheading(t('agenda.draft_rules')), list(a.groundRules)] : [list(a.groundRules)];
    case 'format':
      return a.proposedFormat?.length
        ? [subheading(t('agenda.proposed_format')), list(a.proposedFormat.map((f) => ({ label: f.title, text: t('agenda.minutes', { minutes: f.minutes }) })))]
        : [];
    case 'reflect': {
      const r = a.reflect;
      if (!r) return [];
      const since = (c: AgendaCommitment) => {
        const values = { commitment: c.commitment, ...(c.from && { date: longDate(c.from) }) };
        return c.from ? t(c.away ? 'agenda.since_away' : 'agenda.since', values) : c.away ? t('agenda.away', values) : c.commitment;
      };
      return [
        subheading(t('agenda.commitments')),
        r.commitments.length
          ? list(r.commitments.map((c) => ({ label: c.member, text: since(c) })))
          : paragraph(t('agenda.no_commitments'), true),
        ...(r.missedLast.length ? [paragraph(t('agenda.missed_last', { names: r.missedLast.join(', ') }), true)] : []),
        ...(r.issues.length ? [subheading(say('learning', 'open_issues')), list(r.issues.map(raised))] : []),
        ...more(r.moreIssues),
      ];
    }
    case 'learning': {
      const l = a.learning;
      if (!l) return [];
      const asked = (b: BacklogItem) => topicAsked(b.topic, b.asks, b.by.join(', '));
      const questions = a.carried?.questions ?? [];
      const moreQuestions = a.carried?.moreQuestions ?? 0;
      return [
        l.topic
          ? list([{ label: t('agenda.topic'), text: l.topic }, { label: t('agenda.speaker'), text: l.speaker ?? t('agenda.to_be_confirmed') }])
          : paragraph(t('agenda.no_topic')),
        ...(questions.length ? [subheading(say('learning', 'open_questions')), list(questions.map(raised))] : []),
        ...more(moreQuestions),
        ...(l.backlog.length ? [subheading(t(l.topic ? 'agenda.also_asked' : 'agenda.asked_for')), list(l.backlog.map(asked))] : []),
        ...(l.more ? [paragraph(t('agenda.more_topics', { count: l.more }), true)] : []),
      ];
    }
    case 'next':
      return a.following ? [paragraph(t('agenda.following', { date: longDate(a.following) }))] : [];
    default:
      return [];
  }
}

/** `full`: every question of each section as a list; else the handout, which fits two pages. */
export function agendaDocument(a: Agenda, options: { full?: boolean | undefined } = {}): PrintDocument {
  const when = t(a.kind === 'first' ? 'agenda.first_meeting' : 'agenda.meeting', { number: a.number, date: longDate(a.date) });
  const sections: Section[] = a.sections.map((s) => {
    const at = s.slot ? `${s.slot.start}–${s.slot.end} · ${t('agenda.minutes', { minutes: s.slot.minutes })}` : s.at;
    return { heading: s.title, ...(at && { aside: at }), blocks: [...prompts(s, Boolean(options.full)), ...details(a, s)] };
  });
  return {
    title: a.circle,
    subtitle: [when, `${a.start}–${a.end}${a.place ? ` · ${a.place}` : ''}`],
    intro: [
      ...(a.purpose ? [subheading(t(a.kind === 'first' ? 'agenda.why_draft' : 'agenda.why')), paragraph(a.purpose)] : []),
      ...(a.vision ? [subheading(labelOf('purpose', 'vision')), paragraph(a.vision)] : []),
      ...(a.outcomes ? [subheading(labelOf('purpose', 'outcomes')), list(a.outcomes.map((o) => ({ label: o.label, text: o.text })))] : []),
      ...(a.carried?.notes ? [subheading(t('agenda.carried_notes')), paragraph(a.carried.notes)] : []),
      ...(a.carried?.change ? [subheading(labelOf('closing', 'last_change')), paragraph(a.carried.change)] : []),
    ],
    sections,
    ...(a.traditions.length && { footer: sentence(t('agenda.traditions', { traditions: a.traditions.map((x) => x.trim().replace(/[.;,:]+$/, '')).join(' · ') })) }),
  };
}
