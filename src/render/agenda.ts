// Agenda data as a printable document: every format (markdown, text, html, pdf) is
// printed from this one document, so they all carry the same content.
import type { Agenda, AgendaCommitment, AgendaQuestion, AgendaSection, BacklogItem } from '../core/agenda.js';
import { longDate } from '../core/dates.js';
import { labelOf, say } from '../core/prompts.js';
import { plural, type Block, type PrintDocument, type Section } from './document.js';

const paragraph = (text: string, muted = false): Block => ({ kind: 'paragraph', text, ...(muted && { muted }) });
const list = (items: Array<string | { label: string; text: string }>): Block => ({ kind: 'list', items });
const subheading = (text: string): Block => ({ kind: 'subheading', text });

function aside(s: AgendaSection): string | undefined {
  if (s.slot) return `${s.slot.start}–${s.slot.end} · ${s.slot.minutes} min`;
  return s.at;
}

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
      return a.kind === 'first'
        ? [subheading('Around the table'), list(a.newcomers.map(person))]
        : [subheading('Joining us for the first time'), list(a.newcomers.map(person))];
    case 'ground_rules':
      if (!a.groundRules.length) return [];
      return a.kind === 'first' ? [subheading('A draft to start from'), list(a.groundRules)] : [list(a.groundRules)];
    case 'format':
      return a.proposedFormat?.length
        ? [subheading('Proposed to start with'), list(a.proposedFormat.map((f) => ({ label: f.title, text: `${f.minutes} min` })))]
        : [];
    case 'reflect': {
      const r = a.reflect;
      if (!r) return [];
      const since = (c: AgendaCommitment) => (c.from ? ` (since ${longDate(c.from)}${c.away ? ', away last time' : ''})` : c.away ? ' (away last time)' : '');
      return [
        subheading('Commitments to follow up'),
        r.commitments.length
          ? list(r.commitments.map((c) => ({ label: c.member, text: `${c.commitment}${since(c)}` })))
          : paragraph('No commitments are open.', true),
        ...(r.missedLast.length ? [paragraph(`Not at the last meeting: ${r.missedLast.join(', ')}. Catch them up on what was decided.`, true)] : []),
        ...(r.issues.length ? [subheading(say('learning', 'open_issues')), list(r.issues.map(raised))] : []),
        ...more(r.moreIssues),
      ];
    }
    case 'learning': {
      const l = a.learning;
      if (!l) return [];
      const asked = (t: BacklogItem) => {
        const who = t.by.length ? t.by.join(', ') : '';
        return t.asks > 1 ? `${t.topic} (asked ${t.asks} times${who ? `: ${who}` : ''})` : who ? `${t.topic} (${who})` : t.topic;
      };
      const questions = a.carried?.questions ?? [];
      const moreQuestions = a.carried?.moreQuestions ?? 0;
      return [
        l.topic
          ? list([{ label: 'Topic', text: l.topic }, { label: 'Speaker', text: l.speaker ?? 'to be confirmed' }])
          : paragraph('No topic was chosen last time: choose one from what comes up in Reflect, or from the list below.'),
        ...(questions.length ? [subheading(say('learning', 'open_questions')), list(questions.map(raised))] : []),
        ...more(moreQuestions),
        ...(l.backlog.length ? [subheading(l.topic ? 'Also asked for' : 'Topics the group asked for'), list(l.backlog.map(asked))] : []),
        ...(l.more ? [paragraph(`${plural(l.more, 'more topic')}: \`circle topics\` lists them all.`, true)] : []),
      ];
    }
    case 'next':
      return a.following ? [paragraph(`By the schedule, the meeting after this one is on ${longDate(a.following)}.`)] : [];
    default:
      return [];
  }
}

/** `full`: every question of each section as a list; else the handout, which fits two pages. */
export function agendaDocument(a: Agenda, options: { full?: boolean | undefined } = {}): PrintDocument {
  const when = `${a.kind === 'first' ? 'First meeting' : `Meeting ${a.number}`} · ${longDate(a.date)}`;
  const sections: Section[] = a.sections.map((s) => {
    const at = aside(s);
    return { heading: s.title, ...(at && { aside: at }), blocks: [...prompts(s, Boolean(options.full)), ...details(a, s)] };
  });
  return {
    title: a.circle,
    subtitle: [when, `${a.start}–${a.end}${a.place ? ` · ${a.place}` : ''}`],
    intro: [
      ...(a.purpose ? [subheading(a.kind === 'first' ? 'Why we meet (a draft to agree today)' : 'Why we meet'), paragraph(a.purpose)] : []),
      ...(a.vision ? [subheading(labelOf('purpose', 'vision')), paragraph(a.vision)] : []),
      ...(a.outcomes ? [subheading(labelOf('purpose', 'outcomes')), list(a.outcomes.map((o) => ({ label: o.label, text: o.text })))] : []),
      ...(a.carried?.notes ? [subheading('Noted for today at the last meeting'), paragraph(a.carried.notes)] : []),
      ...(a.carried?.change ? [subheading(labelOf('closing', 'last_change')), paragraph(a.carried.change)] : []),
    ],
    sections,
    ...(a.traditions.length && { footer: sentence(`Our traditions: ${a.traditions.map((t) => t.trim().replace(/[.;,:]+$/, '')).join(' · ')}`) }),
  };
}
