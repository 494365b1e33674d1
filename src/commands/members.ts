// circle members list|add|remove
import type { Context } from '../context.js';
import { findMember, tagName } from '../core/members.js';
import { isIsoDate } from '../core/dates.js';
import { nameKey } from '../core/names.js';
import { memberSchema } from '../core/schema.js';
import { CircleError, UsageError } from '../errors.js';
import { reportCommit } from '../render/commit.js';
import { loadCircle, membersFile } from '../store/circle.js';
import { commitIfWanted } from '../store/git.js';
import { changeMembers } from '../store/members.js';
import { displayPath } from '../store/yaml-file.js';
import { renderTable } from '../render/table.js';

export async function list(ctx: Context, opts: { all?: boolean; json?: boolean }): Promise<void> {
  const { dir, slug } = await ctx.circle();
  const { members } = await loadCircle(dir, slug);
  const people = members.data.members
    .filter((m) => opts.all || m.active)
    .sort((a, b) => Number(b.active) - Number(a.active));
  if (opts.json) return ctx.out.data(JSON.stringify(people, null, 2));
  if (!people.length) {
    ctx.out.info(`No ${opts.all ? '' : 'active '}members yet. Add one with \`circle members add "Full Name"\`.`);
    return;
  }
  ctx.out.data(
    renderTable(
      ['Name', 'Tag', 'Organisation', 'Joined', ...(opts.all ? ['Active'] : [])],
      people.map((m) => [m.name, tagName(m), m.organization ?? '', m.joined ?? '', ...(opts.all ? [m.active ? 'yes' : 'no'] : [])]),
      ctx.out.color,
    ),
  );
}

interface AddOptions {
  tag?: string;
  org?: string;
  joined?: string;
  vision?: string;
  yes?: boolean;
}

/** Commit members.yaml after a change, when the circle asks for it (`git.commit`) and the workspace is a repository. */
async function commitMembers(ctx: Context, dir: string, wanted: boolean | undefined, message: string): Promise<number> {
  const path = membersFile(dir);
  const shown = displayPath(path, ctx.deps.cwd);
  return reportCommit(ctx.out, await commitIfWanted(dir, wanted, [path], message, ctx.deps.env), message, `${shown} is written`, [shown]);
}

export async function add(ctx: Context, name: string | undefined, opts: AddOptions): Promise<number> {
  const { dir, slug } = await ctx.circle();
  const { circle, members } = await loadCircle(dir, slug);
  const person = { name: name?.trim() ?? '', tag: opts.tag, organization: opts.org, joined: opts.joined, vision: opts.vision };

  if (!opts.yes && ctx.interactive()) {
    const { createAsk } = await import('../ui/ask.js');
    const ask = createAsk(ctx.deps);
    if (!person.name) person.name = (await ask.text('Full name', { validate: (v) => (v.trim() ? true : 'a name, please') })).trim();
    person.tag ??= await ask.text('Name for the name tag', { default: tagName({ name: person.name }) });
    person.organization ??= await ask.text('Organisation', { default: '' });
    person.vision ??= await ask.text('If their mission succeeded, what would the community look like?', { default: '' });
  }
  if (!person.name) throw new UsageError('give the member\'s name, e.g. circle members add "Ana Souza" --org "Eastside Library"');
  const named = memberSchema.shape.name.safeParse(person.name);
  if (!named.success) throw new UsageError(`"${person.name}": ${named.error.issues[0]!.message}`);
  if (person.joined !== undefined && !isIsoDate(person.joined)) throw new UsageError(`--joined ${person.joined}: use YYYY-MM-DD`);
  const existing = findMember(members.data.members, person.name);
  if (existing.found && nameKey(existing.found.name) === nameKey(person.name)) {
    throw new CircleError(`${existing.found.name} is already a member${existing.found.active ? '' : ' (not active)'}; nothing was changed.`);
  }
  await changeMembers(members, { add: [{ ...person, joined: person.joined ?? ctx.today(), active: true }] });
  ctx.out.info(`Added ${ctx.out.messageColor.bold(person.name)} to ${slug}.`);
  return commitMembers(ctx, dir, circle.data.git.commit, `members: add ${person.name}`);
}

export async function remove(ctx: Context, name: string): Promise<number | void> {
  const { dir, slug } = await ctx.circle();
  const { circle, members } = await loadCircle(dir, slug);
  const hit = findMember(members.data.members, name);
  if (!hit.found) {
    const hint = hit.matches.length ? `did you mean: ${hit.matches.map((m) => m.name).join(', ')}?` : 'see `circle members list --all`.';
    throw new CircleError(`no single member matches "${name}"; ${hint}`);
  }
  if (!hit.found.active) {
    ctx.out.info(`${hit.found.name} is already marked as no longer active.`);
    return;
  }
  await changeMembers(members, { deactivate: [hit.index] });
  ctx.out.info(`${hit.found.name} is marked as no longer active; their history stays in the minutes.`);
  return commitMembers(ctx, dir, circle.data.git.commit, `members: remove ${hit.found.name}`);
}
