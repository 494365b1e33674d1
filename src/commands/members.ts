// circle members list|add|remove
import type { Context } from '../context.js';
import { findMember, lookupHint, tagName } from '../core/members.js';
import { isIsoDate } from '../core/dates.js';
import { nameKey } from '../core/names.js';
import { memberName, type Member } from '../core/schema.js';
import { CircleError, UsageError } from '../errors.js';
import { loadCircle } from '../store/circle.js';
import { updateMembers } from '../store/members.js';
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
      ctx.out,
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

export async function add(ctx: Context, name: string | undefined, opts: AddOptions): Promise<void> {
  const { dir, slug } = await ctx.circle();
  const { members } = await loadCircle(dir, slug);
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
  const named = memberName.safeParse(person.name);
  if (!named.success) throw new UsageError(`"${person.name}": ${named.error.issues[0]!.message}`);
  if (person.joined !== undefined && !isIsoDate(person.joined)) throw new UsageError(`--joined ${person.joined}: use YYYY-MM-DD`);
  // Asked before the questions, and again on the file as it is when written.
  const refuseExisting = (list: readonly Member[]) => {
    const existing = findMember(list, person.name);
    if (existing.found && nameKey(existing.found.name) === nameKey(person.name)) {
      throw new CircleError(`${existing.found.name} is already a member${existing.found.active ? '' : ' (not active)'}; nothing was changed.`);
    }
  };
  refuseExisting(members.data.members);
  await updateMembers(dir, (list) => {
    refuseExisting(list);
    return { add: [{ ...person, joined: person.joined ?? ctx.today(), active: true }] };
  });
  ctx.out.info(`Added ${ctx.out.messageColor.bold(person.name)} to ${slug}.`);
}

export async function remove(ctx: Context, name: string): Promise<void> {
  const { dir, slug } = await ctx.circle();
  await loadCircle(dir, slug);
  let who = '';
  const change = await updateMembers(dir, (list) => {
    const hit = findMember(list, name);
    if (!hit.found) throw new CircleError(`no single member matches "${name}"; ${lookupHint(hit, 'see `circle members list --all`.')}`);
    who = hit.found.name;
    return hit.found.active ? { deactivate: [hit.index] } : {};
  });
  ctx.out.info(
    change.deactivate ? `${who} is marked as no longer active; their history stays in the minutes.` : `${who} is already marked as no longer active.`,
  );
}
