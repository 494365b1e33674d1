// Edits the program makes to files people wrote: the data must be exactly the edit,
// whatever the file's layout, and untouched lines should keep their bytes.
import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { membersSchema } from '../../src/core/schema.js';
import { carryEdit } from '../../src/store/carry-edit.js';
import { parseYaml } from '../../src/store/yaml-file.js';
import { editedText, renderYaml } from '../../src/store/yaml-write.js';

function edit(text: string, change: (doc: ReturnType<typeof parseYaml>['doc']) => void) {
  const file = parseYaml('/m.yaml', text, membersSchema);
  change(file.doc);
  return { file, next: editedText(file) };
}

function expectExactly(text: string, change: (doc: ReturnType<typeof parseYaml>['doc']) => void) {
  const { file, next } = edit(text, change);
  const back = parseDocument(next);
  expect(back.errors).toEqual([]);
  expect(back.toJS()).toEqual(file.doc.toJS());
  return next;
}

const add = (name: string) => (doc: ReturnType<typeof parseYaml>['doc']) => {
  const seq = doc.get('members', true) as { add(n: unknown): void; flow?: boolean };
  seq.flow = false;
  seq.add(doc.createNode({ name, active: true }));
};
const deactivate = (i: number) => (doc: ReturnType<typeof parseYaml>['doc']) => doc.setIn(['members', i, 'active'], false);

describe('edits to hand-written files', () => {
  it('marks the right member inactive across blank and comment lines', () => {
    const text = 'members:\n  - name: Ben Okafor  # chair\n\n    # moved to the board in May\n  - name: Ana Souza  # treasurer\n# end of list\n';
    const next = expectExactly(text, deactivate(1));
    expect(next).toContain('  - name: Ben Okafor  # chair\n');
    expect(next).toMatch(/name: Ana Souza[^\n]*\n\s+active: false/);
  });

  it('handles a file without a final newline', () => {
    const text = 'members:\n  - name: Ana Souza\n  - name: Bo Li  # trailing';
    expect(expectExactly(text, add('Cy Dee'))).toContain('name: Bo Li  # trailing\n');
    expectExactly(text, deactivate(1));
  });

  it('leaves an unedited file alone, final newline or not', () => {
    for (const text of ['members:\n  - name: Ana', 'members:\r\n  - name: Ana\r\n']) {
      expect(edit(text, () => {}).next).toBe(text);
    }
  });

  it('keeps Windows line endings', () => {
    const text = 'members:\r\n- name: Ana Souza\r\n- name: Bo Li\r\n\r\n';
    const next = expectExactly(text, deactivate(1));
    expect(next.replace(/\r\n/g, '')).not.toContain('\n');
    expect(next.startsWith('members:\r\n- name: Ana Souza\r\n')).toBe(true);
  });

  it('never misplaces an edit, whatever the layout (property)', () => {
    const entry = fc.record({
      name: fc.constantFrom('Ana Souza', 'Bo Li', 'Cy Dee', '"Dee Quoted"', "'José Ñ'", 'Łucja'),
      comment: fc.constantFrom('', '  # chair', '   # treasurer', ' #x'),
      extra: fc.constantFrom('', 'organization: Library', 'active: true', 'shoe_size: 38', 'vision: >\n  long text\n  over lines'),
      before: fc.constantFrom('', '\n', '# a comment\n', '\n# founders\n\n'),
      flow: fc.boolean(),
    });
    const layout = fc.record({
      entries: fc.uniqueArray(entry, { minLength: 1, maxLength: 5, selector: (e) => e.name.replace(/['"]/g, '') }),
      indent: fc.constantFrom('', '  '),
      tail: fc.constantFrom('', '# end\n', '\nnotes: hi\n', 'x: 1'),
      crlf: fc.boolean(),
      finalNewline: fc.boolean(),
      op: fc.oneof(fc.constant<'add'>('add'), fc.nat({ max: 4 })),
    });
    let kept = 0;
    let runs = 0;
    fc.assert(
      fc.property(layout, (l) => {
        const body = l.entries
          .map((e) => {
            const inner = `${l.indent}  `;
            const head = e.flow
              ? `${l.indent}- { name: ${e.name} }${e.comment}`
              : `${l.indent}- name: ${e.name}${e.comment}${e.extra ? `\n${e.extra.split('\n').map((x) => inner + x).join('\n')}` : ''}`;
            return `${e.before.replace(/^#/gm, `${l.indent}#`)}${head}\n`;
          })
          .join('');
        let text = `# Our members\nmembers:\n${body}${l.tail}`;
        if (!l.finalNewline) text = text.replace(/\n+$/, '');
        if (l.crlf) text = text.replace(/\n/g, '\r\n');
        let file;
        try {
          file = parseYaml('/m.yaml', text, membersSchema);
        } catch {
          return; // not a valid members file to begin with
        }
        const index = l.op === 'add' ? -1 : l.op % l.entries.length;
        const change = index < 0 ? add('New Person') : deactivate(index);
        change(file.doc);
        const next = editedText(file);
        const back = parseDocument(next);
        expect(back.errors).toEqual([]);
        expect(isDeepStrictEqual(back.toJS(), file.doc.toJS())).toBe(true);
        // Was the person's layout carried over (rather than the library's rendering used)?
        const original = text.replace(/\r\n/g, '\n');
        const edited = renderYaml(file.doc, original);
        const carried = carryEdit(original, renderYaml(parseDocument(original), original), edited);
        const back2 = parseDocument(carried);
        if (back2.errors.length === 0 && renderYaml(back2, original) === edited) kept++;
        runs++;
      }),
      { numRuns: 1500 },
    );
    // The layouts are all ordinary: nearly every edit keeps the person's own lines.
    expect(kept / runs).toBeGreaterThan(0.95);
  });
});
