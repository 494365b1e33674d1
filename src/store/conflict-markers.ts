// A circle file that still holds the marker lines of a sync stopped on a conflict reads
// as broken YAML; every read says what it really is, and how to settle it.
import { basename } from 'node:path';
import { displayPath, type Problem } from '../errors.js';

/** The sides' names on the markers in `circle sync` (a rebase: git's "ours" is what is already shared). */
export const SYNC_LABELS: [string, string] = ['already shared', 'yours'];

/** Two versions of a file whole, one above the other, between marker lines. */
export function bothVersions(first: string, second: string, labels: [string, string]): string {
  const nl = (t: string) => (t.endsWith('\n') ? t : `${t}\n`);
  return `<<<<<<< ${labels[0]}\n${nl(first)}=======\n${nl(second)}>>>>>>> ${labels[1]}\n`;
}

/** The numbers (from 1) of the lines that open a conflict ("<<<<<<< already shared"). */
export function markerLines(text: string): number[] {
  if (!text.includes('<<<<<<< ')) return [];
  return text.split('\n').flatMap((line, i) => (line.startsWith('<<<<<<< ') ? [i + 1] : []));
}

/** How to open the file in `circle edit`: circle.yaml, members.yaml or meetings/DATE.yaml. */
export function editCommand(file: string): string {
  const date = /(\d{4}-\d{2}-\d{2})\.yaml$/.exec(file)?.[1];
  if (date) return `circle edit minutes ${date}`;
  return basename(file) === 'members.yaml' ? 'circle edit members' : 'circle edit';
}

/** The problem to report for a file holding a sync's conflict markers, or undefined when it holds none. */
export function conflictProblem(file: string, text: string): Problem | undefined {
  const [line] = markerLines(text);
  if (line === undefined) return undefined;
  return {
    file: displayPath(file),
    line,
    col: 1,
    message:
      'this file holds a sync conflict that is not settled yet: between the marker lines (<<<<<<<, =======, >>>>>>>) are ' +
      `what was already shared and your version. Keep what is right and delete the marker lines (${editCommand(file)} checks it as you save), then run circle sync.`,
  };
}
