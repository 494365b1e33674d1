// The two prompters `circle meet` runs with: the terminal, and an answers file.
import type { Output } from './output.js';
import type { Ask } from './ask.js';
import { coerce, type Prompter, type SectionStatus, type Step } from '../core/meet/index.js';
import { UsageError } from '../errors.js';

const OTHER = '\u0000other';

function clock(s: SectionStatus): string {
  return s.planned === undefined ? `${s.used} min` : `${s.used} of ${s.planned} min`;
}

/**
 * On the terminal: a header when a section begins, the member's name and the section's
 * clock when their turn comes, then the question. Enter on an empty answer skips it.
 */
export function interactivePrompter(ask: Ask, out: Output): Prompter {
  const c = out.messageColor;
  let section: string | undefined;
  let member: string | undefined;
  return {
    async ask(step, status) {
      if (status.id !== section) {
        section = status.id;
        member = undefined;
        const planned = status.planned === undefined ? '' : ` · ${status.planned} min planned`;
        out.info(`\n${c.bold.cyan(`== ${status.title}${planned} ==`)}`);
        if (status.about) out.info(c.dim(status.about));
        if (status.hint) out.info(c.dim(status.hint));
      }
      if (step.member && step.member !== member) {
        member = step.member;
        out.info(`\n${c.bold(step.member)}  ${c.dim(`[${status.title}: ${clock(status)}]`)}`);
        if (step.note) out.info(c.italic(step.note));
      } else if (!step.member && step.note) {
        out.info(c.dim(step.note));
      }
      // Nothing to tick (a new circle has no members yet): the only answer is none.
      if (step.kind === 'checkbox' && !step.choices?.length) return [];
      return askStep(ask, step);
    },
  };
}

async function askStep(ask: Ask, step: Step): Promise<unknown> {
  const validate = (v: unknown) => (step.validate ? step.validate(v as string) : true);
  switch (step.kind) {
    case 'confirm':
      return ask.confirm(step.question, step.default === true);
    case 'checkbox': {
      const checked = new Set(Array.isArray(step.default) ? step.default : []);
      return ask.checkbox(step.question, (step.choices ?? []).map((ch) => ({ ...ch, checked: checked.has(ch.value) })));
    }
    case 'select': {
      const choices = [...(step.choices ?? []), ...(step.other ? [{ name: step.other, value: OTHER }] : [])];
      const picked = choices.length === 1 && step.other ? OTHER : await ask.select(step.question, choices, step.default as string | undefined);
      return picked === OTHER ? ask.text(step.question) : picked;
    }
    case 'list': {
      const items: string[] = [];
      for (;;) {
        const item = await ask.text(`${step.question} (${items.length + 1}; empty line to finish)`, {
          validate: (v) => (v.trim() ? validate([...items, v]) : true),
        });
        if (!item.trim()) return items;
        items.push(item.trim());
      }
    }
    default:
      return ask.text(step.question, {
        ...(typeof step.default === 'string' && step.default ? { default: step.default, ...(step.edit && { edit: true }) } : {}),
        validate,
      });
  }
}

/** Answers from a file (step id → value): each is checked like a typed one; a missing one takes the default. */
export function answersPrompter(answers: Record<string, unknown>, file: string): Prompter & { unused(): string[] } {
  const asked = new Set<string>();
  return {
    async ask(step) {
      asked.add(step.id);
      const checked = coerce(step, answers[step.id]);
      if (!checked.ok) throw new UsageError(`${file}: ${step.id}: ${checked.error}`);
      return checked.value;
    },
    unused: () => Object.keys(answers).filter((id) => !asked.has(id)),
  };
}
