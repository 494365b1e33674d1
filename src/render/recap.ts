// A meeting's recap (core/mail.ts) as a printable document, for the text and HTML of a mail.
import { longDate } from '../core/words.js';
import type { Recap } from '../core/mail.js';
import { mailWords } from '../core/prompts.js';
import { labelled, type Block, type PrintDocument, type Section } from './document.js';

export function recapDocument(r: Recap): PrintDocument {
  const w = mailWords().recap;
  const l = r.learning;
  const facts = labelled([[w.topic, l.topic], [w.speaker, l.speaker]]);
  const learned: Block[] = [
    ...(facts.length ? [{ kind: 'list', items: facts } as Block] : []),
    ...(l.notes ? [{ kind: 'paragraph', text: l.notes } as Block] : []),
    ...(l.questions.length ? [{ kind: 'subheading', text: w.questions } as Block, { kind: 'list', items: l.questions } as Block] : []),
  ];
  const next = labelled([[w.date, r.next.date && longDate(r.next.date)], [w.topic, r.next.topic], [w.speaker, r.next.speaker]]);
  const none: Block = { kind: 'paragraph', text: w.none, muted: true };
  const sections: Section[] = [
    { heading: w.learned, blocks: learned.length ? learned : [none] },
    ...(r.commitments.length ? [{ heading: w.commitments, blocks: [{ kind: 'list', items: r.commitments.map((c) => ({ label: c.member, text: c.text })) } as Block] }] : []),
    ...(r.requests.length ? [{ heading: w.requests, blocks: [{ kind: 'list', items: r.requests } as Block] }] : []),
    { heading: w.next, blocks: next.length ? [{ kind: 'list', items: next }] : [none] },
  ];
  return { title: r.circle, subtitle: [longDate(r.date)], sections };
}
