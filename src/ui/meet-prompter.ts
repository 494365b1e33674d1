// The two prompters `circle meet` runs with: the terminal, and an answers file.
import type { Output } from './output.js';
import { KeyExit, type Ask, type Choice, type Heading, type Leave } from './ask.js';
import {
  answerFor,
  BACK,
  coerce,
  Confided,
  confidedFor,
  SKIP_REST,
  type Progress,
  type Prompter,
  type ReviewEntry,
  type Step,
  type Value,
} from '../core/meet/index.js';
import { runnerSay } from '../core/prompts.js';
import type { Member } from '../core/schema.js';
import { UsageError } from '../errors.js';

const OTHER = '\u0000other';
const WRITE = '\u0000write';

/** Every question may be left with Shift-Tab (back); a person's text question also with Esc (the rest of their turn). */
const leaveFor = (step: Step): Leave => ({ back: true, escape: step.member !== undefined && step.kind === 'text' });

/**
 * On the terminal: a header when a section begins, the member's name and the section's
 * clock when their turn comes, then the question. Enter on an empty answer skips it.
 * Before the minutes are written, every answer by section and person, to correct any.
 */
export function interactivePrompter(ask: Ask, out: Output): Prompter {
  const c = out.messageColor;
  let section: string | undefined;
  let member: string | undefined;
  let first = true;
  return {
    async ask(step, status, progress) {
      if (first) {
        first = false;
        out.info(c.dim(runnerSay('keys')));
      }
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
        const clock = status.planned === undefined ? `${status.used} min` : `${status.used} of ${status.planned} min`;
        out.info(`\n${c.bold(step.member)}  ${c.dim(`[${status.title}: ${clock}]`)}`);
        if (step.note) out.info(c.italic(step.note));
      } else if (!step.member && step.note) {
        out.info(c.dim(step.note));
      }
      // Nothing to tick (a new circle has no members yet): the only answer is none.
      if (step.kind === 'checkbox' && !step.choices?.length) return [];
      try {
        return await askStep(ask, step, progress, out);
      } catch (error) {
        if (!(error instanceof KeyExit)) throw error;
        if (error.key === 'back') {
          member = undefined; // the question before may be another person's: say whose
          return BACK;
        }
        out.info(`${c.green('✔')} ${c.bold(step.question)} ${c.dim(runnerSay('skipped', { name: step.member ?? '' }))}`);
        return SKIP_REST;
      }
    },

    async review(entries) {
      section = member = undefined;
      out.info(`\n${c.bold.cyan(`== ${runnerSay('review')} ==`)}`);
      out.info(c.dim(runnerSay('review_about')));
      const width = Math.max(40, (out.width ?? 100) - 4);
      const choices: Array<Choice<string> | Heading> = [{ name: runnerSay('write'), value: WRITE }];
      let heading: string | undefined;
      for (const e of entries) {
        if (e.title !== heading) choices.push({ separator: `── ${(heading = e.title)}` });
        const who = e.step.member ? `${e.step.member} · ` : '';
        const said = `${who}${e.step.question}: ${shown(e)}`.replace(/\s+/g, ' ');
        choices.push({ name: said.length > width ? `${said.slice(0, width - 1)}…` : said, value: e.step.id });
      }
      try {
        const picked = await ask.select(runnerSay('review_ask'), choices, WRITE, { back: true });
        return picked === WRITE ? undefined : picked;
      } catch (error) {
        if (error instanceof KeyExit) return BACK;
        throw error;
      }
    },
  };
}

/** An answer as the review shows it: a choice by its words, yes or no, a list joined. */
function shown({ step, value, confided }: ReviewEntry): string {
  const words = (v: string) => step.choices?.find((ch) => ch.value === v)?.name ?? v;
  const text = typeof value === 'boolean' ? runnerSay(value ? 'yes' : 'no') : Array.isArray(value) ? value.map(words).join(', ') : words(value);
  return `${text.trim() || runnerSay('empty')}${confided ? ` ${runnerSay('confided')}` : ''}`;
}

/** Lines of a list (or of a long answer), each kept at Enter; Shift-Tab takes the line before back into the line to change. */
async function askLines(ask: Ask, step: Step, progress: Progress, out: Output): Promise<unknown> {
  const validate = (v: Value) => (step.validate ? step.validate(v) : true);
  const long = step.kind === 'text';
  const items = [...progress.items];
  const label = (n: number) => `${step.question} ${runnerSay(long ? 'line' : 'item', { n })}`;
  // Items kept before (an interruption, or going back) are shown again, then the list goes on.
  items.forEach((item, i) => out.info(`${out.messageColor.green('✔')} ${step.question} (${i + 1}) ${item}`));
  let start = progress.typed;
  let confided = progress.confided;
  for (;;) {
    let line;
    try {
      line = await ask.line(
        label(items.length + 1),
        {
          ...(start && { default: start, edit: true }),
          validate: (v) => (!v.trim() ? true : validate(long ? [...items, v].join('\n') : [...items, v])),
          ...confiding(step, confided, out),
        },
        leaveFor(step),
      );
    } catch (error) {
      if (!(error instanceof KeyExit && error.key === 'back' && items.length)) throw error;
      start = items.pop();
      await progress.keep([...items]);
      continue;
    }
    start = undefined;
    confided = line.confided;
    if (!line.text.trim()) return marked(long ? items.join('\n') : items, confided);
    items.push(line.text.trim());
    await progress.keep([...items]); // each item is on disk once Enter is pressed
  }
}

/** Ctrl-T at a person's answer in Reflect or What's Next. */
function confiding(step: Step, confided: boolean, out: Output) {
  return step.confide ? { confide: true, confided, confideMark: out.messageColor.yellow(runnerSay('confided')) } : {};
}

const marked = (value: unknown, confided: boolean) => (confided ? new Confided(value) : value);

async function askStep(ask: Ask, step: Step, progress: Progress, out: Output): Promise<unknown> {
  const leave = leaveFor(step);
  const message = step.keys ? `${step.question} ${step.keys}` : step.question;
  switch (step.kind) {
    case 'confirm':
      return ask.confirm(message, step.default === true, leave);
    case 'checkbox': {
      const checked = new Set(Array.isArray(step.default) ? step.default : []);
      return ask.checkbox(message, (step.choices ?? []).map((ch) => ({ ...ch, checked: checked.has(ch.value) })), leave);
    }
    case 'select': {
      const choices = [...(step.choices ?? []), ...(step.other ? [{ name: step.other, value: OTHER }] : [])];
      const given = typeof step.default === 'string' ? step.default : undefined;
      // An answer given before that is not among the choices was typed after "other": start from it there.
      const typed = given !== undefined && step.other && !choices.some((ch) => ch.value === given) ? given : undefined;
      const picked = choices.length === 1 && step.other ? OTHER : await ask.select(message, choices, typed === undefined ? given : OTHER, leave);
      return picked === OTHER ? ask.text(message, typed ? { default: typed, edit: true } : {}) : picked;
    }
    case 'list':
      return askLines(ask, step, progress, out);
    default: {
      if (step.long) return askLines(ask, step, progress, out);
      const answer = await ask.line(
        message,
        {
          ...(typeof step.default === 'string' && step.default ? { default: step.default, ...(step.edit && { edit: true }) } : {}),
          validate: (v) => (step.validate ? step.validate(v) : true),
          ...confiding(step, progress.confided, out),
        },
        leave,
      );
      return marked(answer.text, answer.confided);
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
      return marked(checked.value, confidedFor(step, answers, members).confided);
    },
  };
}
