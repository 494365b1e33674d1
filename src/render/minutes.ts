// Minutes as a printable document: every format (markdown, text, html, pdf) prints this.
import { longDate } from '../core/dates.js';
import type { MinutesView, MinutesSection, Said } from '../core/minutes.js';
import { labelOf, PROMPTS, type PartId } from '../core/prompts.js';
import { plural, type Block, type PrintDocument, type Section } from './document.js';

function members(part: PartId, entries: Said[]): Block[] {
  return entries.flatMap((e): Block[] => [
    { kind: 'subheading', text: e.private ? `${e.member} (shared in confidence)` : e.member },
    { kind: 'list', items: e.answers.map((a) => ({ label: labelOf(part, a.field), text: a.text })) },
  ]);
}

function section(s: MinutesSection): Section {
  const blocks: Block[] = [];
  switch (s.id) {
    case 'introductions':
      blocks.push(...members(s.id, s.members));
      break;
    case 'reflect':
      blocks.push(...members(s.id, s.members));
      if (s.requests.length) {
        blocks.push({ kind: 'subheading', text: labelOf('reflect', 'requests') });
        blocks.push({ kind: 'list', items: s.requests.map((r) => (r.by ? `${r.topic} (asked by ${r.by})` : r.topic)) });
      }
      if (!blocks.length) blocks.push({ kind: 'paragraph', text: 'Nothing recorded.', muted: true });
      break;
    case 'learning': {
      const facts: Array<{ label: string; text: string }> = [];
      if (s.topic) facts.push({ label: 'Topic', text: s.topic });
      if (s.format) facts.push({ label: 'Format', text: PROMPTS.learning.questions.find((q) => q.id === 'format')?.choices?.[s.format] ?? s.format });
      if (s.speaker) facts.push({ label: 'Speaker', text: s.speaker });
      if (facts.length) blocks.push({ kind: 'list', items: facts });
      if (s.notes) blocks.push({ kind: 'paragraph', text: s.notes });
      if (s.questions.length) {
        blocks.push({ kind: 'subheading', text: 'Questions' });
        blocks.push({ kind: 'list', items: s.questions });
      }
      if (!blocks.length) blocks.push({ kind: 'paragraph', text: 'Nothing recorded.', muted: true });
      break;
    }
    case 'next': {
      blocks.push(...members(s.id, s.members));
      const d = s.decision;
      const decided: Array<{ label: string; text: string }> = [];
      if (d.topic) decided.push({ label: 'Topic', text: d.topic });
      if (d.speaker) decided.push({ label: 'Speaker', text: d.speaker });
      if (d.date) decided.push({ label: 'Date', text: longDate(d.date) });
      blocks.push({ kind: 'subheading', text: 'Decided for next time' });
      blocks.push(decided.length ? { kind: 'list', items: decided } : { kind: 'paragraph', text: 'Nothing decided yet.', muted: true });
      break;
    }
  }
  return { heading: s.title, blocks };
}

export function minutesDocument(m: MinutesView): PrintDocument {
  const subtitle = [longDate(m.date)];
  if (m.facilitator) subtitle.push(`Facilitated by ${m.facilitator}`);
  subtitle.push(`${plural(m.presentCount, 'member')} present${m.guestCount ? `, ${plural(m.guestCount, 'guest')}` : ''}`);

  const attendance: Block[] = [];
  if (m.present.length) attendance.push({ kind: 'list', items: [{ label: 'Present', text: m.present.join(', ') }] });
  if (m.guests.length) attendance.push({ kind: 'list', items: [{ label: 'Guests', text: m.guests.join(', ') }] });
  if (m.absent.length) {
    const away = m.absent.map((a) => (a.apology ? `${a.member} (${a.apology})` : a.member)).join(', ');
    attendance.push({ kind: 'list', items: [{ label: 'Absent', text: away }] });
  }

  const sections = [
    ...(attendance.length ? [{ heading: 'Attendance', blocks: attendance }] : []),
    ...m.sections.map(section),
    ...(m.notes ? [{ heading: 'Notes', blocks: [{ kind: 'paragraph', text: m.notes } as Block] }] : []),
  ];
  return {
    title: `${m.circle}: meeting ${m.number}${m.public ? ' (public summary)' : ''}`,
    subtitle,
    sections,
    footer: m.public
      ? 'Public summary: what the circle learned and decided. Members’ own reflections stay within the circle.'
      : 'Minutes for members of the circle. Reflections marked “shared in confidence” stay in the room.',
  };
}
