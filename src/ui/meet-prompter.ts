// The two prompters `circle meet` runs with: the terminal, and an answers file.
import type { Output } from './output.js';
import type { Ask } from './ask.js';
import { answerFor, coerce, SKIP_REST, type ListProgress, type Prompter, type SectionStatus, type Step } from '../core/meet/index.js';
import type { Member } from '../core/schema.js';
import { ESCAPED } from './line-prompt.js';
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
    async ask(step, status, list) {
      if (status.id !== section) {
        section = status.id;
        member = undefined;
        const planned = status.planned === undefined ? '' : ` · ${status.planned} min planned`;
        out.info(`\n${c.bold.cyan(`== ${status.title}${planned} ==`)}`);
        if (status.about) out.info(c.dim(status.about));
        if (status.hint) out.info(c.dim(status.hint));
      }
      // A person's turn (introductions, Reflect, What's Next) opens with their name and the clock.
      if (step.member && step.member !== member && status.id !== 'opening') {
        member = step.member;
        out.info(`\n${c.bold(step.member)}  ${c.dim(`[${status.title}: ${clock(status)}]`)}`);
        if (step.note) out.info(c.italic(step.note));
      } else if (!step.member && step.note) {
        out.info(c.dim(step.note));
      }
      // Nothing to tick (a new circle has no members yet): the only answer is none.
      if (step.kind === 'checkbox' && !step.choices?.length) return [];
      return askStep(ask, step, list, out);
    },
  };
}

async function askStep(ask: Ask, step: Step, list: ListProgress, out: Output): Promise<unknown> {
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
      // Items kept before an interruption are shown again, then the list goes on.
      const items = [...list.items];
      items.forEach((item, i) => out.info(`${out.messageColor.green('✔')} ${step.question} (${i + 1}) ${item}`));
      for (;;) {
        const item = await ask.text(`${step.question} (${items.length + 1}; empty line to finish)`, {
          validate: (v) => (v.trim() ? validate([...items, v]) : true),
        });
        if (!item.trim()) return items;
        items.push(item.trim());
        await list.keep([...items]); // each item is on disk once Enter is pressed
      }
    }
    default: {
      const answer = await ask.text(step.question, {
        ...(typeof step.default === 'string' && step.default ? { default: step.default, ...(step.edit && { edit: true }) } : {}),
        validate,
        // Esc leaves the rest of this person's questions in the part unanswered.
        escapable: step.member !== undefined,
      });
      return answer === ESCAPED ? SKIP_REST : answer;
    }
  }
}

/** Answers from a file (step id → value): each is checked like a typed one; a missing one takes the default. */
export function answersPrompter(answers: Record<string, unknown>, file: string, members: readonly Member[]): Prompter {
  return {
    async ask(step) {
      const { key, raw } = answerFor(step, answers, members);
      const checked = coerce(step, raw);
      if (!checked.ok) throw new UsageError(`${file}: ${key ?? step.id}: ${checked.error}`);
      return checked.value;
    },
  };
}
