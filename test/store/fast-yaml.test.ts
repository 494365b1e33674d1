// The fast read path (js-yaml) against the strict one (yaml@2, as parseYaml reads): for
// any text at all, the fast path either declines or gives exactly the data yaml@2 gives,
// and only for text yaml@2 reads without an error. Random cases are seeded: set
// FAST_CHECK_SEED to replay a failure (fast-check prints the seed with the counterexample).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { dump } from 'js-yaml';
import { parseDocument, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { circleSchema, meetingSchema, membersSchema } from '../../src/core/schema.js';
import { fastData, fastRead } from '../../src/store/fast-yaml.js';
import { parseYaml } from '../../src/store/yaml-file.js';
import { DataError } from '../../src/errors.js';
import { propertyRuns } from '../helpers.js';

const root = join(import.meta.dirname, '..', '..');
const seed = Number(process.env.FAST_CHECK_SEED ?? 20261128);
const runs = (numRuns: number) => ({ seed, numRuns });

/** What yaml@2 reads, with the options of parseYaml; 'error' for anything it reports. */
function strictData(text: string): unknown {
  try {
    const doc = parseDocument(text.replace(/\r\n/g, '\n'), { prettyErrors: false, uniqueKeys: true });
    return doc.errors.length ? 'error' : doc.toJS({ maxAliasCount: 50 });
  } catch {
    return 'error';
  }
}

/** The property: the fast path declines, or it reads exactly what yaml@2 reads (and yaml@2 reads it without an error). */
function agrees(text: string): void {
  const fast = fastData(text);
  const declined = fast === undefined;
  expect(declined ? 'declined' : fast, `a different reading of:\n${text}`).toStrictEqual(declined ? 'declined' : strictData(text));
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (['node_modules', 'dist', '.git', '.data'].includes(e.name)) return [];
    const path = join(dir, e.name);
    return e.isDirectory() ? yamlFiles(path) : /\.ya?ml$/.test(e.name) ? [path] : [];
  });
}
const repoFiles = yamlFiles(root);

describe('the fast YAML path reads what yaml@2 reads', () => {
  const files = repoFiles.map((f) => relative(root, f));
  it.each(files)('%s: the same data', (file) => agrees(readFileSync(join(root, file), 'utf8')));

  // The example circle's files are what people write: they must not need yaml@2.
  it.each(files.filter((f) => f.startsWith('circles/')))('%s: on the fast path', (file) => {
    expect(fastData(readFileSync(join(root, file), 'utf8'))).not.toBeUndefined();
  });

  // Slips found by review, which yaml@2 refuses: the quick readers must not accept them.
  it.each([
    ['a value starting with "- "', 'a: - b\n'],
    ['a lone "- " value', 'a: -  \n'],
    ['"- " then a comment', 'a: - # c\n'],
    ['"- " in a list item', 'x:\n  - a: - b\n'],
    ['a comment right after a double quote', 'a: "x"#c\n'],
    ['a comment right after a single quote', "a: 'x'#c\n"],
    ['a comment right after a flow list', 'guests: []#note\n'],
    ['a comment right after a flow mapping', 'a: {b: c}#note\n'],
    ['a key over 1024 characters', `prompts:\n  ${'k'.repeat(1030)}: x\n`],
  ])('reads %s as yaml@2 does (an error)', (_, text) => {
    expect(strictData(text)).toBe('error');
    agrees(text);
  });

  it('declines what it cannot promise to read the same way', () => {
    const doubts = [
      '%YAML 1.1\n---\na: 0b101\n',
      'a: &x 1\nb: *x\n',
      'a: !!int "1"\n',
      'a: ! 1\n',
      '? [a, b]\n: c\n',
      '[a, b]: c\n',
      '{a: 1}: b\n',
      '~: a\n',
      'null: a\n',
      'a: 1\na: 2\n',
      'a:\tb\n',
      'a: [\n',
    ];
    for (const text of doubts) expect(fastData(text), text).toBeUndefined();
    // and what it reads like yaml@2 rather than declining: numbers in yaml@2's core forms
    expect(fastData('a: 0b101\nb: 0o17\nc: 0x1F\nd: +.5\ne: -.5e2\nf: 017\ng: .inf\nh: 1_000\n')).toStrictEqual(
      strictData('a: 0b101\nb: 0o17\nc: 0x1F\nd: +.5\ne: -.5e2\nf: 017\ng: .inf\nh: 1_000\n'),
    );
  });

  // Strings meant to trip a YAML reader: indicators, quotes, escapes, number and null
  // look-alikes, line breaks of every kind, odd spaces and non-ASCII.
  const tricky = fc.oneof(
    fc.string({ unit: fc.constantFrom(...'ab :#-?,[]{}&*!|>\'"%@`\\\n\r\t\u0085\u2028\u00a0\ufeffé😀0.+~'.split('')), maxLength: 12 }),
    fc.constantFrom('', ' ', 'null', '~', 'True', 'no', 'yes', 'on', '0b1', '0o7', '0x1F', '012', '+.5', '1e3', '.nan', '-.inf', '1_0', '2026-11-17', '18:00', '- x', 'a: b', '# c', '"q"', "'q'", '<<', '__proto__', '...', '---', '=', '1.50', '-0', '0.'),
    fc.string({ maxLength: 30 }),
  );
  const value = fc.letrec((tie) => ({
    node: fc.oneof({ depthSize: 'small' }, tie('scalar'), tie('list'), tie('map')),
    scalar: fc.oneof(tricky, fc.integer(), fc.double({ noDefaultInfinity: false }), fc.boolean(), fc.constant(null)),
    list: fc.array(tie('node'), { maxLength: 4 }),
    map: fc.dictionary(tricky, tie('node'), { maxKeys: 4 }),
  })).node;

  it('agrees on data written out by yaml@2 and js-yaml in every style', () => {
    const styles = fc.record({
      defaultStringType: fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL', 'BLOCK_FOLDED'),
      defaultKeyType: fc.constantFrom(null, 'PLAIN', 'QUOTE_DOUBLE'),
      collectionStyle: fc.constantFrom('any', 'block', 'flow'),
      lineWidth: fc.constantFrom(0, 20, 80),
      indentSeq: fc.boolean(),
      indent: fc.constantFrom(2, 4),
    } as const);
    fc.assert(
      fc.property(value, styles, fc.boolean(), fc.boolean(), (data, style, viaJsYaml, crlf) => {
        let text = viaJsYaml ? dump(data, { lineWidth: style.lineWidth || -1, flowLevel: style.collectionStyle === 'flow' ? 0 : -1 }) : stringify(data, style);
        if (crlf) text = text.replace(/\n/g, '\r\n');
        agrees(text);
      }),
      runs(600),
    );
  });

  it('agrees on YAML-shaped noise', () => {
    const fragment = fc.constantFrom(
      'a:', 'a: b', '- ', '- a', '  ', '    ', 'key: "x\\ty"', "k: 'it''s'", 'k: |', 'k: >-', 'k: |+', '  text', '   more', '',
      '# note', 'a: b # c', '[a, b]', '{a: 1, b: [2]}', 'k: [', ']', '}', '---', '...', 'k: 0b11', 'k: +.5', 'k: 1e3', 'k: ~',
      'k: "a\\', 'k: "\\u00e9\\x41\\N"', '- - x', '-x', 'k:v', 'k: v: w', ' : v', '"q": 1', 'k: - x', 'k: &a x', 'k: *a', 'k: !!str 1',
      '%YAML 1.2', '? k', ': v', 'k: \t', '\tk: v', 'k: "multi', '  line"', 'k: >', '  folded', '', '  again', 'k: 12:30', 'k: 017',
      'é: ü', 'k: 😀', 'k: a,b', 'k: {x}', 'k: [x, {y: z}]', 'k: v\r', '\ufeffk: v', 'k: \u2028v', 'k: NaN', 'k: .NaN',
      '  - a', ' - a', '    b: c', '  k: "a', '   b"', "  k: 'a", "  b'", '  - k: v', '    k2: v2', '- k: v', '  k2: v2', 'k:   v  ',
      'two words: v', 'k: v #', 'k: #', 'k: "#"', '#k: v', 'k: a #b #c', '  # indented note', 'k: [a, b', '  , c]', 'k: {a: 1', '  }',
    );
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 10 }), fc.constantFrom('\n', '\r\n'), (lines, eol) => agrees(lines.join(eol))),
      runs(1500),
    );
  });

  it('agrees on the repository files, damaged at random', () => {
    const texts = repoFiles.map((f) => readFileSync(f, 'utf8'));
    const edit = fc.record({
      file: fc.nat({ max: texts.length - 1 }),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      remove: fc.nat({ max: 3 }),
      insert: fc.string({ unit: fc.constantFrom(...' \n-:#?&*!|>\'"[]{},\t0.x'.split('')), maxLength: 3 }),
    });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 3 }), (edits) => {
        let text = texts[edits[0]!.file]!;
        for (const e of edits) {
          const at = Math.floor(e.at * text.length);
          text = text.slice(0, at) + e.insert + text.slice(at + e.remove);
        }
        agrees(text);
        // …and through the schema, as loadYaml uses it: fast data only where parseYaml succeeds with the same.
        for (const schema of [meetingSchema, circleSchema, membersSchema]) {
          const fast = fastRead(text, schema);
          let strict: unknown;
          try {
            strict = parseYaml('/x.yaml', text, schema).data;
          } catch (error) {
            if (!(error instanceof DataError)) throw error;
            strict = error;
          }
          expect(fast ? fast.data : 'declined').toStrictEqual(fast ? strict : 'declined');
        }
      }),
      runs(propertyRuns(100, 500)),
    );
  }, 120_000); // parses 500 files three ways: slow on a loaded machine
});
