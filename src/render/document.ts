// A printable document, independent of format: agendas and minutes are built as
// this shape, and one renderer per format (markdown, text, html, pdf) prints it.
import { t } from '../core/words.js';

export type Block =
  /** A paragraph of running text. `muted` is secondary (hints, notes). */
  | { kind: 'paragraph'; text: string; muted?: boolean }
  /** A bulleted (or numbered) list. An item with a label prints as "Label: text". */
  | { kind: 'list'; items: Array<string | { label: string; text: string }>; ordered?: boolean }
  /** A small sub-heading inside a section. */
  | { kind: 'subheading'; text: string };

export interface Section {
  heading: string;
  /** Shown beside the heading, e.g. "18:00–18:45 · 45 min". */
  aside?: string;
  blocks: Block[];
}

export interface PrintDocument {
  title: string;
  /** Lines under the title: date, time, place. */
  subtitle?: string[];
  /** Blocks before the first section (e.g. the purpose). */
  intro?: Block[];
  sections: Section[];
  /** A last line, e.g. traditions. */
  footer?: string;
}

/** Text as every renderer reads it: a blank line starts a paragraph; any other run of white space is one space. */
export function paragraphsOf(text: string): string[] {
  return text
    .split(/\n[ \t]*\n/)
    .map(oneLine)
    .filter(Boolean);
}

/** Runs of white space that may break a line: any but the no-break spaces. */
export const SPACES = /[^\S\u00a0\u202f]+/g;

/** Runs of white space as one space; a no-break space stays (French puts one before ? ! : ; to keep them on the line). */
export function oneLine(text: string): string {
  // Most text is one line already: only a line break or a run of spaces needs the rewrite.
  return /[^\S \u00a0\u202f]| {2}/.test(text) ? text.replace(SPACES, ' ').replace(/^ | $/g, '') : text.replace(/^ +| +$/g, '');
}

/** A label as the language joins it to its text: "Topic: ", "Sujet : ". */
export function labelPart(label: string): string {
  return t('document.label', { label: oneLine(label), text: '' });
}

/** Labelled items for a list: those that have a text. */
export const labelled = (pairs: Array<[label: string, text: string | undefined]>) => pairs.flatMap(([label, text]) => (text ? [{ label, text }] : []));

/** A list item as one line of text: "Label: text" when it has a label. */
export function itemText(item: string | { label: string; text: string }): string {
  return typeof item === 'string' ? oneLine(item) : labelPart(item.label) + oneLine(item.text);
}

/** "1 meeting", "2 meetings"; `many` for irregular plurals. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
