// circle members list|add|remove
import type { Context } from '../../context.js';
import { findMember, lookupHint, tagName } from '../../core/members.js';
import { isIsoDate } from '../../core/dates.js';
import { nameKey, nameProblem } from '../../core/names.js';
import { isEmailAddress } from '../../core/text.js';
import type { Member } from '../../core/schema.js';
import { CircleError, NotFoundError, UsageError } from '../../errors.js';
import { loadCircle, membersFile } from '../../store/circle.js';
import { updateMembers } from '../../store/members.js';
import { renderTable } from '../../render/table.js';
import { commitWritten } from '../commit.js';

export async function list(ctx: Context, opts: { all?: boolean; json?: boolean }): Promise<void> {
  const { dir, slug } = await ctx.circle();
  const { members } = await loadCircle(dir, slug);
  const people = members.data.members
    .filter((m) => opts.all || m.active)
    .sort((a, b) => Number(b.active) - Number(a.active));
  if (opts.json) return ctx.out.data(JSON.stringify(people, null, 2));
  if (!people.length) return ctx.out.info(`No ${opts.all ? '' : 'active '}members yet. Add one with \`circle members add "Full Name"\`.`);
  const headers = ['Name', 'Tag', 'Organisation', 'Joined', ...(opts.all ? ['Active'] : [])];
  const cells = people.map((m) => [m.name, tagName(m), m.organization ?? '', m.joined ?? '', ...(opts.all ? [m.active ? 'yes' : 'no'] : [])]);
  ctx.out.data(renderTable(headers, cells, ctx.out));
}

interface AddOptions {
  tag?: string;
  org?: string;
  joined?: string;
  vision?: string;
  email?: string;
  yes?: boolean;
}

/** Commit members.yaml unless the circle says `git.commit: false`; outside a repository, silently (unlike `meet`). */
function commitMembers(ctx: Context, dir: string, wanted: boolean | undefined, message: string): Promise<number> {
  return commitWritten(ctx, dir, wanted === false ? false : undefined, [membersFile(dir)], message);
}

export async function add(ctx: Context, name: string | undefined, opts: AddOptions): Promise<number> {
  const { dir, slug } = await ctx.circle();
  const { circle, members } = await loadCircle(dir, slug);
  const person = { name: name?.trim() ?? '', tag: opts.tag, organization: opts.org, joined: opts.joined, vision: opts.vision, email: opts.email?.trim() };

  if (!opts.yes && ctx.interactive()) {
    const ask = await ctx.ask();
    if (!person.name) person.name = (await ask.text('Full name', { validate: (v) => (v.trim() ? true : 'a name, please') })).trim();
    person.tag ??= await ask.text('Name for the name tag', { default: tagName({ name: person.name }) });
    person.organization ??= await ask.text('Organisation', { default: '' });
    person.vision ??= await ask.text('If their mission succeeded, what would the community look like?', { default: '' });
    person.email ??= (await ask.text('Mail address, for `circle send` (Enter: none)', { default: '', validate: (v) => (!v.trim() || isEmailAddress(v.trim()) ? true : 'an address like ana@example.org, or nothing') })).trim();
  }
  if (!person.name) throw new UsageError('give the member\'s name, e.g. circle members add "Ana Souza" --org "Eastside Library"');
  const problem = nameProblem(person.name, 'a member');
  if (problem) throw new UsageError(`"${person.name}": ${problem}`);
  if (person.joined !== undefined && !isIsoDate(person.joined)) throw new UsageError(`--joined ${person.joined}: use YYYY-MM-DD`);
  if (person.email && !isEmailAddress(person.email)) throw new UsageError(`--email ${person.email}: use a plain address, e.g. --email ana@example.org`);
  if (!person.email) delete person.email;
  // Asked before the questions, and again on the file as it is when written: someone
  // already a member stays as they are; a former member is welcomed back.
  const existing = (list: readonly Member[]) => {
    const hit = findMember(list, person.name);
    if (!hit.found || nameKey(hit.found.name) !== nameKey(person.name)) return undefined;
    if (hit.found.active) throw new CircleError(`${hit.found.name} is already a member; nothing was changed.`);
    return hit;
  };
  existing(members.data.members);
  let back: string | undefined;
  await updateMembers(dir, (list) => {
    const former = existing(list);
    back = former?.found.name;
    return former ? { activate: [former.index] } : { add: [{ ...person, joined: person.joined ?? ctx.today(), active: true }] };
  });
  if (back) {
    ctx.out.info(`${ctx.out.messageColor.bold(back)} is back: marked active again in ${slug} (their history was kept).`);
    return commitMembers(ctx, dir, circle.data.git.commit, `members: ${back} is back`);
  }
  ctx.out.info(`Added ${ctx.out.messageColor.bold(person.name)} to ${slug}.`);
  return commitMembers(ctx, dir, circle.data.git.commit, `members: add ${person.name}`);
}

export async function remove(ctx: Context, name: string, opts: { yes?: boolean } = {}): Promise<number | void> {
  const { dir, slug } = await ctx.circle();
  const { circle, members } = await loadCircle(dir, slug);
  // Named by anything but the whole name (a tag, part of it, without accents), the member is confirmed first: on a terminal, or with --yes.
  const first = findMember(members.data.members, name);
  if (!first.found && first.matches.length) throw new UsageError(`"${name}" could be more than one member; ${lookupHint(first, '')}`);
  if (!first.found) throw new NotFoundError(`no member matches "${name}"; ${lookupHint(first, 'see `circle members list --all`.')}`);
  if (nameKey(first.found.name) !== nameKey(name) && !opts.yes) {
    if (!ctx.interactive()) throw new UsageError(`"${name}" is not a whole name: did you mean ${first.found.name}? Give the whole name, or add --yes to remove them.`);
    const sure = await (await ctx.ask()).confirm(`Mark ${first.found.name} as no longer active?`, false);
    if (!sure) throw new CircleError('nothing was changed.');
  }
  let who = '';
  const change = await updateMembers(dir, (list) => {
    const hit = findMember(list, first.found.name);
    if (!hit.found) throw new CircleError(`${first.found.name} is no longer in members.yaml; nothing was changed.`);
    who = hit.found.name;
    return hit.found.active ? { deactivate: [hit.index] } : {};
  });
  ctx.out.info(
    change.deactivate
      ? `${who} is marked as no longer active; their history stays in the minutes (\`circle members add "${who}"\` brings them back).`
      : `${who} is already marked as no longer active.`,
  );
  return change.deactivate ? commitMembers(ctx, dir, circle.data.git.commit, `members: remove ${who}`) : undefined;
}
