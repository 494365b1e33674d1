// One PrintDocument, four formats. Each renderer is loaded only when asked for, so
// pdfkit and its fonts stay out of every other path.
import { UsageError } from '../errors.js';
import type { PrintDocument } from './document.js';

export const DOCUMENT_FORMATS = ['markdown', 'text', 'html', 'pdf'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

/** What a file name's extension asks for when no --format is given. */
const BY_EXTENSION: Record<string, string> = {
  md: 'markdown',
  markdown: 'markdown',
  txt: 'text',
  html: 'html',
  htm: 'html',
  pdf: 'pdf',
  json: 'json',
};

/**
 * The format a command writes: --json, else --format, else what the --out file's
 * extension asks for (when the command has that format), else the command's default.
 * --json with another --format is a usage error (exit 2): it asks for two things at once.
 */
export function chooseFormat<F extends string>(
  opts: { format?: string | undefined; json?: boolean | undefined; out?: string | undefined },
  allowed: readonly F[],
  fallback: F,
): F | 'json' {
  if (opts.json && opts.format !== undefined && opts.format !== 'json') {
    throw new UsageError(`--json and --format ${opts.format} ask for two different formats: use one of them`);
  }
  if (opts.json) return 'json';
  if (opts.format !== undefined) return opts.format as F | 'json';
  const ext = opts.out && opts.out !== '-' ? /\.([^./\\]+)$/.exec(opts.out)?.[1]?.toLowerCase() : undefined;
  const wanted = ext ? BY_EXTENSION[ext] : undefined;
  return wanted === 'json' || (wanted && (allowed as readonly string[]).includes(wanted)) ? (wanted as F | 'json') : fallback;
}

/** Text for markdown, text and html; bytes for pdf. Plain text is narrowed to `screenWidth` when given. */
export async function renderDocument(doc: PrintDocument, format: DocumentFormat, screenWidth?: number): Promise<string | Buffer> {
  switch (format) {
    case 'markdown':
      return (await import('./markdown.js')).toMarkdown(doc);
    case 'text': {
      const { toText, TEXT_WIDTH } = await import('./text.js');
      return toText(doc, Math.min(TEXT_WIDTH, screenWidth ?? TEXT_WIDTH));
    }
    case 'html':
      return (await import('./html.js')).toHtml(doc);
    case 'pdf':
      return (await import('./pdf.js')).toPdf(doc);
  }
}
