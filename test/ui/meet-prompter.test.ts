import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { newDraft, steps, type SectionStatus, type Step } from '../../src/core/meet/index.js';
import type { Ask, Choice } from '../../src/ui/ask.js';
import { interactivePrompter } from '../../src/ui/meet-prompter.js';
import type { Output } from '../../src/ui/output.js';
import { plan } from '../core/fixtures.js';

const DATE = '2026-11-17';
const AT = '2026-11-17T18:00:00.000Z';
const status: SectionStatus = { id: 'opening', title: 'Welcome and attendance', used: 0 };
const noList = { items: [], confided: false, keep: async () => {} };

/** An Ask that, like inquirer, refuses a checkbox with nothing to tick, and ticks what is offered ticked. */
function fakeAsk(): Ask & { checkboxes: Choice<unknown>[][] } {
  const checkboxes: Choice<unknown>[][] = [];
  return {
    checkboxes,
    text: async () => '',
    line: async () => ({ text: '', confided: false }),
    confirm: async (_m, d = false) => d,
    select: async (_m, choices, d) => d ?? (choices[0] as Choice<never>).value,
    async checkbox<T>(_m: string, choices: Choice<T>[]) {
      checkboxes.push(choices);
      if (!choices.length) throw new Error('[checkbox prompt] No selectable choices. All choices are disabled.');
      return choices.filter((c) => c.checked).map((c) => c.value);
    },
  };
}

function fakeOutput(): Output & { lines: string[] } {
  const lines: string[] = [];
  const c = new Chalk({ level: 0 });
  const write = (s: string) => void lines.push(s);
  return { lines, data: write, info: write, warn: write, color: c, messageColor: c, stdout: { write }, terminal: false, unicode: false, width: undefined };
}

function attendanceStep(members: 'example' | 'none'): Step {
  const p = plan({ last: undefined, ...(members === 'none' && { members: [] }) });
  return steps(p, newDraft(DATE, AT)).find((s) => s.id === 'attendance')!;
}

describe('the terminal prompter at attendance', () => {
  it('asks nothing when nobody can be ticked (a new circle), answers none and says to add newcomers', async () => {
    const ask = fakeAsk();
    const out = fakeOutput();
    const answer = await interactivePrompter(ask, out).ask(attendanceStep('none'), status, noList);
    expect(answer).toEqual([]);
    expect(ask.checkboxes).toEqual([]);
    expect(out.lines.join('\n')).toContain('Nobody is in members.yaml yet: list everyone present as a newcomer.');
  });

  it('ticks the active members and offers a former member unticked, last, as returning', async () => {
    const ask = fakeAsk();
    const answer = await interactivePrompter(ask, fakeOutput()).ask(attendanceStep('example'), status, noList);
    const offered = ask.checkboxes[0]!;
    expect(offered.at(-1)).toEqual({ name: 'Grace Whitfield (returning)', value: 'Grace Whitfield', also: ['Grace'], checked: false });
    expect(offered.filter((c) => c.checked)).toHaveLength(offered.length - 1);
    expect(answer).not.toContain('Grace Whitfield');
  });
});

describe('the terminal prompter with a list', () => {
  it('keeps each item as Enter is pressed, and after an interruption shows those kept and goes on', async () => {
    const guests: Step = { id: 'guests', section: 'opening', kind: 'list', question: 'Guests' };
    const typed = ['Pat Visitor', 'Sam Guest'];
    const kept: string[][] = [];
    const ask = { ...fakeAsk(), line: async () => ({ text: typed.shift() ?? '', confided: false }) };
    const out = fakeOutput();
    const answer = await interactivePrompter(ask, out).ask(guests, status, { items: ['Ana Early'], confided: false, keep: async (items) => void kept.push(items) });
    expect(out.lines.join('\n')).toContain('✔ Guests (1) Ana Early');
    expect(kept).toEqual([['Ana Early', 'Pat Visitor'], ['Ana Early', 'Pat Visitor', 'Sam Guest']]);
    expect(answer).toEqual(['Ana Early', 'Pat Visitor', 'Sam Guest']);
  });
});
