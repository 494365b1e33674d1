// Writing what a meeting agreed (its minutes' purpose, ground_rules and format) into
// circle.yaml, edited on the YAML document so comments and unknown keys survive. Every
// edit goes by content (set this text, drop the rule that reads so), so writing the same
// minutes twice, as a resumed meeting may, changes nothing the second time.
import { isMap, isScalar, isSeq, type Document, type YAMLSeq } from 'yaml';
import { structuredCadence } from '../core/cadence.js';
import type { MeetingFile } from '../core/meet/index.js';
import { nameKey } from '../core/names.js';
import { circleSchema } from '../core/schema.js';
import { circleFile } from './circle.js';
import { blockSeq, updateYamlFile } from './yaml-write.js';

type Path = readonly (string | number)[];

/** Set a text or number at `path`, keeping the node (its comments and quoting) when there is one. */
function put(doc: Document, path: Path, value: string | number): void {
  const node = doc.getIn(path, true);
  if (isScalar(node)) {
    const block = node.type === 'BLOCK_FOLDED' || node.type === 'BLOCK_LITERAL';
    // A block scalar (`>`) keeps its style and its final line break; an empty placeholder takes the plain style.
    const next = block && typeof value === 'string' ? `${value}\n` : value;
    if (node.value === next) return;
    if (node.value === '' || node.value === null) node.type = undefined;
    node.value = next;
    return;
  }
  const parent = path.slice(0, -1);
  if (parent.length && !isMap(doc.getIn(parent, true))) doc.setIn(parent, doc.createNode({}));
  doc.setIn(path, value);
}

/** Where the item that reads `text` is in a list of text; -1 when none does. */
const indexOf = (seq: YAMLSeq, text: string) => seq.items.findIndex((item) => (isScalar(item) ? String(item.value ?? '').trim() : '') === text.trim());

/** Reword, drop and add items of a list of text, found by what they say. */
type Items<T> = readonly T[] | null | undefined;

function editList(doc: Document, path: Path, change: { reworded?: Items<{ from: string; to: string }>; dropped?: Items<string>; added?: Items<string> }): void {
  const seq = blockSeq(doc, path);
  for (const { from, to } of change.reworded ?? []) {
    const i = indexOf(seq, from);
    if (i >= 0 && indexOf(seq, to) < 0) put(doc, [...path, i], to);
  }
  for (const gone of change.dropped ?? []) {
    const i = indexOf(seq, gone);
    if (i >= 0) seq.delete(i);
  }
  for (const added of change.added ?? []) if (indexOf(seq, added) < 0) seq.add(doc.createNode(added));
}

function applyFormat(doc: Document, format: NonNullable<MeetingFile['format']>): void {
  const sections = doc.getIn(['format', 'sections'], true);
  let total = 0;
  if (isSeq(sections)) {
    sections.items.forEach((item, i) => {
      const id = isMap(item) ? item.get('id') : undefined;
      const agreed = typeof id === 'string' ? format.sections?.[id] : undefined;
      if (agreed !== undefined) put(doc, ['format', 'sections', i, 'minutes'], agreed);
      const minutes = isMap(item) ? item.get('minutes') : undefined;
      total += typeof minutes === 'number' ? minutes : 0;
    });
  }
  if (format.sections) put(doc, ['schedule', 'duration'], total);
  if (format.cadence) {
    // A circle that writes its cadence in the structured form keeps it.
    const fields = isMap(doc.getIn(['schedule', 'cadence'], true)) ? structuredCadence(format.cadence) : undefined;
    if (fields) {
      put(doc, ['schedule', 'cadence', 'every'], fields.every);
      put(doc, ['schedule', 'cadence', 'on'], fields.on);
      if (fields.nth === undefined) doc.deleteIn(['schedule', 'cadence', 'nth']);
      else put(doc, ['schedule', 'cadence', 'nth'], fields.nth);
    } else put(doc, ['schedule', 'cadence'], format.cadence);
  }
  if (format.start) put(doc, ['schedule', 'start'], format.start);
  if (format.location !== undefined && format.location !== null) put(doc, ['schedule', 'location'], format.location);
  if (format.anchor) put(doc, ['schedule', 'anchor'], format.anchor);
  if (format.traditions) editList(doc, ['traditions'], format.traditions);
}

/** Write the agreements in these minutes into circle.yaml (under its write lock, as it is now); true when the file changed. */
export async function saveAgreements(dir: string, minutes: MeetingFile): Promise<boolean> {
  const { purpose, ground_rules: rules, format } = minutes;
  if (!purpose && !rules && !format) return false;
  const { written } = await updateYamlFile(circleFile(dir), circleSchema, ({ doc }) => {
    if (purpose) {
      if (purpose.statement) put(doc, ['purpose'], purpose.statement);
      if (purpose.vision) put(doc, ['vision'], purpose.vision);
      for (const [key, text] of Object.entries(purpose.notes ?? {})) if (text) put(doc, ['outcomes', key], text);
    }
    if (rules) editList(doc, ['ground_rules'], rules);
    if (format) applyFormat(doc, format);
  });
  return written;
}

/** Add an entry to a list of circle.yaml (made when missing), under its write lock, unless `has` finds it there; true when the file changed. */
async function addTo(dir: string, key: 'dropped_topics' | 'dropped_questions' | 'facilitators', entry: unknown, has: (item: unknown) => boolean = () => false): Promise<boolean> {
  const { written } = await updateYamlFile(circleFile(dir), circleSchema, ({ doc }) => {
    const list = doc.get(key, true);
    if (!isSeq(list) || !list.toJSON().some(has)) blockSeq(doc, [key]).add(doc.createNode(entry));
  });
  return written;
}

/** Remember who facilitated (circle.yaml's `facilitators`), so the next meeting offers them first; true when circle.yaml changed. */
export const rememberFacilitator = (dir: string, name: string) => addTo(dir, 'facilitators', name, (n) => typeof n === 'string' && nameKey(n) === nameKey(name));

/** Let a topic go: add it, with the date, to circle.yaml's `dropped_topics`. */
export const dropTopic = (dir: string, entry: { topic: string; on: string }) => addTo(dir, 'dropped_topics', entry);

/** Let an open question or issue go: add it, with the date, to circle.yaml's `dropped_questions`. */
export const dropQuestion = (dir: string, entry: { question: string; on: string }) => addTo(dir, 'dropped_questions', entry);
