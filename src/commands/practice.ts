// circle practice [MEMBER]: each member's commitments, meeting to meeting, and what came of them.
import type { Context } from '../context.js';
import { findMember } from '../core/members.js';
import { practiceChains } from '../core/practice.js';
import { UsageError } from '../errors.js';
import { practiceText } from '../render/practice.js';
import { PRACTICE_VIEW } from '../store/summaries.js';

export async function run(ctx: Context, member: string | undefined, opts: { json?: boolean }): Promise<void> {
  const { files, meetings } = await ctx.history(PRACTICE_VIEW);
  const known = files.members.data.members.map((m) => m.name);
  let only: string[] | undefined;
  if (member !== undefined) {
    const everyone = [...new Set([...known, ...meetings.flatMap((m) => m.present)])].map((name) => ({ name }));
    const match = findMember(everyone, member);
    if (!match.found) {
      const list = (match.matches.length ? match.matches : everyone).map((m) => `  ${m.name}`).join('\n');
      throw new UsageError(`${match.matches.length ? `"${member}" could be more than one member` : `no member "${member}"`}; choose one of:\n${list}`);
    }
    only = [match.found.name];
  }
  const chains = practiceChains(meetings, known, only);
  ctx.out.data(opts.json ? JSON.stringify(chains, null, 2) : practiceText(chains, ctx.out.color));
}
