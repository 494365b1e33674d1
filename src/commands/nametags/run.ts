// circle nametags: big first-name tags for the active members and any guests.
import { chooseFormat, type Context } from '../../context.js';
import { nameTags } from '../../core/nametags.js';
import { CircleError, UsageError } from '../../errors.js';
import { plural } from '../../render/document.js';
import { nametagsHtml, nametagsPdf } from '../../render/nametags.js';
import { loadCircle } from '../../store/circle.js';

interface Options {
  format?: 'pdf' | 'html';
  out?: string;
  guest?: string[];
}

export async function run(ctx: Context, opts: Options): Promise<void> {
  const format = chooseFormat(opts, ['pdf', 'html'] as const, 'pdf');
  if (format === 'json') throw new UsageError('name tags print as pdf or html');
  const { dir, slug } = await ctx.circle();
  const { circle, members } = await loadCircle(dir, slug);
  const tags = nameTags(members.data.members, opts.guest);
  if (!tags.length) {
    throw new CircleError('no active members and no guests: add people with `circle members add "Full Name"`, or pass --guest NAME');
  }
  const name = circle.data.name;
  if (format === 'html') return ctx.deliver(nametagsHtml(name, tags), { out: opts.out });
  await ctx.deliver(await nametagsPdf(name, tags), { out: opts.out, defaultFile: 'nametags.pdf' });
  ctx.out.info(`${plural(tags.length, 'name tag')}: cut along the dashed lines.`);
}
