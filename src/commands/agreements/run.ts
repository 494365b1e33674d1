// circle purpose, circle rules: what the circle agreed (at its first meeting, or when it
// came back to it with `meet --revisit`), and at which meetings.
import type { Context } from '../../context.js';
import { outcomesOf, type AgreementId } from '../../core/agreements.js';
import { labelOf, titleOf } from '../../core/prompts.js';
import { longDate, t } from '../../core/words.js';
import { SUMMARY_VIEW } from '../../store/summaries.js';
import { fitWidth } from '../../render/wrap.js';

/** The circle, and the meetings that set or changed the agreement. */
async function agreedAt(ctx: Context, section: AgreementId) {
  const { files, meetings } = await ctx.summaries(SUMMARY_VIEW);
  const agreed = meetings.filter((m) => m.agreed.includes(section)).map(({ date, number }) => ({ date, number }));
  return { circle: files.circle.data, agreed };
}

/** "Agreed at meeting 1 (Tuesday 2 June 2026); changed at meeting 5 (…)." and where to read why. */
function when(agreed: ReadonlyArray<{ date: string; number: number }>): string[] {
  if (!agreed.length) return [];
  const at = (a: (typeof agreed)[number]) => t('agreements.at', { number: a.number, date: longDate(a.date) });
  const [first, ...later] = agreed;
  const said = later.length ? t('agreements.changed', { at: at(first!), later: later.map(at).join(', ') }) : t('agreements.agreed', { at: at(first!) });
  return ['', said, t('agreements.said', { date: agreed.at(-1)!.date })];
}

export async function purpose(ctx: Context, opts: { json?: boolean }): Promise<void> {
  const { circle, agreed } = await agreedAt(ctx, 'purpose');
  const statement = circle.purpose?.trim() ?? '';
  const vision = circle.vision?.trim() ?? '';
  const outcomes = outcomesOf(circle);
  if (opts.json) {
    const json = { purpose: statement, vision, outcomes: Object.fromEntries(outcomes.map((o) => [o.id, o.text])), agreed };
    return ctx.out.data(JSON.stringify(json, null, 2));
  }
  const unset = labelOf('purpose', 'unset');
  const lines = [labelOf('purpose', 'statement'), `  ${statement || unset}`, '', labelOf('purpose', 'vision'), `  ${vision || unset}`];
  if (outcomes.length) {
    lines.push('', labelOf('purpose', 'outcomes'));
    for (const o of outcomes) lines.push(`  ${labelOf('purpose', o.id)}: ${o.text}`);
  }
  ctx.out.data(fitWidth([...lines, ...when(agreed)].join('\n'), ctx.out.width));
  if (statement) return;
  ctx.out.info('\nA circle agrees its purpose at its first meeting (`circle meet`); `circle meet --revisit purpose` comes back to it.');
}

export async function rules(ctx: Context, opts: { json?: boolean }): Promise<void> {
  const { circle, agreed } = await agreedAt(ctx, 'ground_rules');
  const list = circle.ground_rules.map((r) => r.trim()).filter(Boolean);
  if (opts.json) return ctx.out.data(JSON.stringify({ ground_rules: list, agreed }, null, 2));
  const lines = list.length ? list.map((r, i) => `${String(i + 1).padStart(3)}. ${r}`) : [`  ${labelOf('ground_rules', 'none')}`];
  ctx.out.data(fitWidth([titleOf('ground_rules'), ...lines, ...when(agreed)].join('\n'), ctx.out.width));
}
