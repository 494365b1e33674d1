// circle practice [MEMBER]: each member's commitments, meeting to meeting, and what came of them.
import type { Context } from '../../context.js';
import { findMember, lookupHint } from '../../core/members.js';
import { nameKey } from '../../core/names.js';
import { practiceChains } from '../../core/practice.js';
import { NotFoundError, UsageError } from '../../errors.js';
import { practiceText } from '../../render/practice.js';
import { PRACTICE_VIEW } from '../../store/summaries.js';
import { fitWidth } from '../../render/wrap.js';

export async function run(ctx: Context, member: string | undefined, opts: { json?: boolean }): Promise<void> {
  const { files, meetings } = await ctx.summaries(PRACTICE_VIEW);
  const known = files.members.data.members.map((m) => m.name);
  let only: string[] | undefined;
  if (member !== undefined) {
    // Members (with their tags), then anyone else who came to a meeting.
    const listed = new Set(known.map(nameKey));
    const everyone = [...files.members.data.members, ...[...new Set(meetings.flatMap((m) => m.present))].filter((n) => !listed.has(nameKey(n))).map((name) => ({ name }))];
    const match = findMember(everyone, member);
    if (!match.found) {
      const all = everyone.map((m) => `  ${m.name}`).join('\n');
      const hint = lookupHint(match, `choose one of:\n${all}`);
      if (match.matches.length) throw new UsageError(`"${member}" could be more than one member; ${hint}`);
      throw new NotFoundError(`no member "${member}"; ${hint}`);
    }
    only = [match.found.name];
  }
  const chains = practiceChains(meetings, known, only);
  if (opts.json) return ctx.out.data(JSON.stringify(chains, null, 2));
  ctx.out.data(fitWidth(practiceText(chains, ctx.out.color), ctx.out.width));
}
