// Minutes as a printable document: every format (markdown, text, html, pdf) prints this.
import type { AgreementSection, MinutesView, MinutesSection, Requests, Said } from '../core/minutes.js';
import { labelOf, prompts, type SectionId } from '../core/prompts.js';
import { cadenceOfText, longDate, t } from '../core/words.js';
import { labelled, type Block, type PrintDocument, type Section } from './document.js';

function members(id: SectionId, entries: Said[]): Block[] {
  return entries.flatMap((e): Block[] => [
    { kind: 'subheading', text: e.private ? t('minutes.member_in_confidence', { name: e.member }) : e.member },
    { kind: 'list', items: e.answers.map((a) => ({ label: a.confided ? `${labelOf(id, a.field)} (${labelOf('reflect', 'in_confidence')})` : labelOf(id, a.field), text: a.text })) },
  ]);
}

/** "text (before: old)" for something a meeting changed. */
const changed = (text: string, was: string | number | undefined) =>
  was === undefined ? text : `${text} (${labelOf('purpose', 'was')}: ${was === '' ? labelOf('purpose', 'none') : was})`;

const listUnder = (heading: string, items: Array<string | { label: string; text: string }>): Block[] =>
  items.length ? [{ kind: 'subheading', text: heading }, { kind: 'list', items }] : [];

function agreement(s: AgreementSection): Block[] {
  switch (s.id) {
    case 'purpose':
      return [
        ...(s.statement ? [{ kind: 'list', items: [{ label: labelOf('purpose', 'statement'), text: changed(s.statement, s.was) }] } as Block] : []),
        ...(s.vision ? [{ kind: 'list', items: [{ label: labelOf('purpose', 'vision'), text: changed(s.vision.text, s.vision.was) }] } as Block] : []),
        ...listUnder(labelOf('purpose', 'outcomes'), s.outcomes.map((o) => ({ label: labelOf('purpose', o.field), text: changed(o.text, o.was) }))),
      ];
    case 'ground_rules': {
      const blocks = [
        ...listUnder(labelOf('ground_rules', 'notes'), s.notes.map((n) => ({ label: labelOf('ground_rules', n.field), text: n.text }))),
        ...listUnder(labelOf('ground_rules', 'kept'), s.kept),
        ...listUnder(labelOf('ground_rules', 'reworded'), s.reworded.map((r) => changed(r.to, r.from))),
        ...listUnder(labelOf('ground_rules', 'dropped'), s.dropped),
        ...listUnder(labelOf('ground_rules', 'added'), s.added),
      ];
      return blocks.length ? blocks : [{ kind: 'paragraph', text: labelOf('ground_rules', 'none'), muted: true }];
    }
    case 'format':
      return [
        ...listUnder(labelOf('format', 'sections'), s.sections.map((x) => ({ label: x.title, text: changed(t('agenda.minutes', { minutes: x.minutes }), x.was === undefined ? undefined : t('agenda.minutes', { minutes: x.was })) }))),
        ...(s.schedule.length ? [{ kind: 'list', items: s.schedule.map((x) => {
          const shown = (text: string | undefined) => (x.field === 'cadence' && text ? cadenceOfText(text) : text);
          return { label: labelOf('format', x.field), text: changed(shown(x.text) || labelOf('purpose', 'none'), shown(x.was)) };
        }) } as Block] : []),
        ...listUnder(labelOf('format', 'traditions'), s.traditions.kept),
        ...listUnder(labelOf('format', 'added'), s.traditions.added),
        ...listUnder(labelOf('format', 'dropped'), s.traditions.dropped),
      ];
  }
}

/** The speaker requests, with who asked and whether in confidence. */
function requested(requests: Requests): Block[] {
  if (!requests.length) return [];
  const asked = (r: (typeof requests)[number]) => [r.by && t('minutes.asked_by', { name: r.by }), r.private && labelOf('reflect', 'in_confidence')].filter(Boolean).join(', ');
  return [
    { kind: 'subheading', text: labelOf('reflect', 'requests') },
    { kind: 'list', items: requests.map((r) => (asked(r) ? `${r.topic} (${asked(r)})` : r.topic)) },
  ];
}

function section(s: MinutesSection | AgreementSection): Section {
  if (s.id === 'purpose' || s.id === 'ground_rules' || s.id === 'format') return { heading: s.title, blocks: agreement(s) };
  const blocks: Block[] = [];
  switch (s.id) {
    case 'introductions':
      blocks.push(...members(s.id, s.members));
      break;
    case 'reflect':
      blocks.push(...members(s.id, s.members), ...requested(s.requests));
      if (!blocks.length) blocks.push({ kind: 'paragraph', text: t('minutes.nothing'), muted: true });
      break;
    case 'learning': {
      const format = s.format && (prompts().learning.questions.find((q) => q.id === 'format')?.choices?.[s.format] ?? s.format);
      const facts = labelled([[t('minutes.topic'), s.topic], [t('minutes.format'), format], [t('minutes.speaker'), s.speaker]]);
      if (facts.length) blocks.push({ kind: 'list', items: facts });
      if (s.notes) blocks.push({ kind: 'paragraph', text: s.notes });
      blocks.push(...listUnder(t('minutes.questions'), s.questions));
      blocks.push(...listUnder(labelOf('learning', 'answered'), s.answered));
      if (!blocks.length) blocks.push({ kind: 'paragraph', text: t('minutes.nothing'), muted: true });
      break;
    }
    case 'next': {
      blocks.push(...members(s.id, s.members), ...requested(s.requests ?? []));
      const d = s.decision;
      const date = d.date && longDate(d.date);
      const decided = labelled([[t('minutes.topic'), d.topic], [t('minutes.speaker'), d.speaker], [t('minutes.date'), date], [t('minutes.noted'), d.notes]]);
      blocks.push({ kind: 'subheading', text: t('minutes.decided') });
      blocks.push(decided.length ? { kind: 'list', items: decided } : { kind: 'paragraph', text: t('minutes.nothing_decided'), muted: true });
      blocks.push(...listUnder(labelOf('next', 'outcomes'), s.outcomes.map((o) => ({ label: labelOf('purpose', o.field), text: `${o.rating}/5` }))));
      break;
    }
  }
  return { heading: s.title, blocks };
}

/** The group's verdict at the close, when it gave one. */
function verdict(m: MinutesView): Section[] {
  const v = m.verdict;
  const items = labelled([[labelOf('closing', 'useful'), v?.useful ? `${v.useful}/5` : undefined], [labelOf('closing', 'change'), v?.change?.trim()]]);
  return items.length ? [{ heading: labelOf('closing', 'verdict'), blocks: [{ kind: 'list', items }] }] : [];
}

export function minutesDocument(m: MinutesView): PrintDocument {
  const subtitle = [longDate(m.date)];
  if (m.facilitator) subtitle.push(t('minutes.facilitated', { name: m.facilitator }));
  const present = t('minutes.present', { count: m.presentCount });
  subtitle.push(m.guestCount ? t('minutes.with_guests', { present, count: m.guestCount }) : present);

  const away = m.absent.map((a) => (a.apology ? `${a.member} (${a.apology})` : a.member));
  const attendance = ([[t('minutes.present_label'), m.present], [t('minutes.guests'), m.guests], [t('minutes.absent'), away]] as const)
    .filter(([, names]) => names.length)
    .map(([label, names]): Block => ({ kind: 'list', items: [{ label, text: names.join(', ') }] }));

  const sections = [
    ...(attendance.length ? [{ heading: t('minutes.attendance'), blocks: attendance }] : []),
    ...m.sections.map(section),
    ...verdict(m),
    ...(m.notes ? [{ heading: t('minutes.notes'), blocks: [{ kind: 'paragraph', text: m.notes } as Block] }] : []),
  ];
  return {
    title: t(m.public ? 'minutes.title_public' : 'minutes.title', { circle: m.circle, number: m.number }),
    subtitle,
    sections,
    footer: t(m.public ? 'minutes.footer_public' : 'minutes.footer'),
  };
}
