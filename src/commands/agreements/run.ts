// circle purpose, circle rules: what the circle agreed (at its first meeting, or when it
// came back to it with `meet --revisit`), and at which meetings.
import type { Context } from '../../context.js';
import { outcomesOf, type AgreementId } from '../../core/agreements.js';
import { purposeText, rulesText, type AgreedAt } from '../../render/agreements.js';
import { SUMMARY_VIEW } from '../../store/summaries.js';
import { fitWidth } from '../../render/wrap.js';

async function agreedAt(ctx: Context, section: AgreementId) {
  const { files, meetings } = await ctx.summaries(SUMMARY_VIEW);
  const agreed: AgreedAt[] = meetings.filter((m) => m.agreed.includes(section)).map(({ date, number }) => ({ date, number }));
  return { circle: files.circle.data, agreed };
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
  ctx.out.data(fitWidth(purposeText(statement, vision, outcomes, agreed), ctx.out.width));
  if (!statement) ctx.out.info('\nA circle agrees its purpose at its first meeting (`circle meet`); `circle meet --revisit purpose` comes back to it.');
}

export async function rules(ctx: Context, opts: { json?: boolean }): Promise<void> {
  const { circle, agreed } = await agreedAt(ctx, 'ground_rules');
  const list = circle.ground_rules.map((r) => r.trim()).filter(Boolean);
  if (opts.json) return ctx.out.data(JSON.stringify({ ground_rules: list, agreed }, null, 2));
  ctx.out.data(fitWidth(rulesText(list, agreed), ctx.out.width));
}
