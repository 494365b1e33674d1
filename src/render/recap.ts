// A meeting's recap (core/mail.ts) as a printable document, for the text and HTML of a mail.
import { longDate } from '../core/words.js';
import type { Recap } from '../core/mail.js';
import { mailWords } from '../core/prompts.js';
import type { Block, PrintDocument, Section } from './document.js';

export function recapDocument(r: Recap): PrintDocument {
  const w = mailWords().recap;
  const l = r.learning;
  const facts = [...(l.topic ? [{ label: w.topic, text: l.topic }] : []), ...(l.speaker ? [{ label: w.speaker, text: l.speaker }] : [])];
  const learned: Block[] = [
    ...(facts.length ? [{ kind: 'list', items: facts } as Block] : []),
    ...(l.notes ? [{ kind: 'paragraph', text: l.notes } as Block] : []),
    ...(l.questions.length ? [{ kind: 'subheading', text: w.questions } as Block, { kind: 'list', items: l.questions } as Block] : []),
  ];
  const next = [
    ...(r.next.date ? [{ label: w.date, text: longDate(r.next.date) }] : []),
    ...(r.next.topic ? [{ label: w.topic, text: r.next.topic }] : []),
    ...(r.next.speaker ? [{ label: w.speaker, text: r.next.speaker }] : []),
  ];
  const none: Block = { kind: 'paragraph', text: w.none, muted: true };
  const sections: Section[] = [
    { heading: w.learned, blocks: learned.length ? learned : [none] },
    ...(r.commitments.length ? [{ heading: w.commitments, blocks: [{ kind: 'list', items: r.commitments.map((c) => ({ label: c.member, text: c.text })) } as Block] }] : []),
    ...(r.requests.length ? [{ heading: w.requests, blocks: [{ kind: 'list', items: r.requests } as Block] }] : []),
    { heading: w.next, blocks: next.length ? [{ kind: 'list', items: next }] : [none] },
  ];
  return { title: r.circle, subtitle: [longDate(r.date)], sections };
}
