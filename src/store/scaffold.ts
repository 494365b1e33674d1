// Creating a new circle folder from templates/.
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { isScalar, parseDocument } from 'yaml';
import type { NewCircle } from '../core/init.js';
import { circleSchema } from '../core/schema.js';
import { CircleError, displayPath, FileError, UsageError } from '../errors.js';
import { circleFile, meetingsDir, membersFile } from './circle.js';
import { templatePath } from './templates.js';
import { circleDir, type Workspace } from './workspace.js';
import { parseYaml } from './yaml-file.js';
import { renderYaml, writeCircleFile } from './yaml-write.js';

/** Local state that never belongs in git. */
const CIRCLE_GITIGNORE = `# Local state of \`circle\`: a meeting in progress, its locks, half-written files.
.draft.yaml
.lock
.write-lock
.circle-tmp-*
.cache
`;

/** Which answer to `circle init` each value of circle.yaml comes from. */
const ANSWER_OF: Record<string, string> = {
  name: 'the name',
  language: '--language',
  purpose: '--purpose',
  'schedule.cadence': '--cadence',
  'schedule.start': '--start',
  'schedule.duration': '--duration',
  'schedule.location': '--location',
};

/** The circle.yaml template in the circle's language: circle.yaml (English), circle.fr.yaml, circle.pt.yaml (pt-BR and pt-PT)… */
const templateOf = (plan: NewCircle) => (plan.language === 'en' ? 'circle.yaml' : `circle.${plan.language.slice(0, 2)}.yaml`);

/** Fill the circle.yaml template; the result is checked before anything is written. */
async function renderCircleYaml(plan: NewCircle): Promise<string> {
  const template = await readFile(templatePath(templateOf(plan)), 'utf8');
  const doc = parseDocument(template);
  for (const [path, value] of plan.set) {
    const node = doc.getIn(path, true);
    if (isScalar(node)) {
      // A "" placeholder takes the plain style; other values keep the template's quoting.
      if (node.value === '') node.type = undefined;
      node.value = value;
    } else {
      doc.setIn(path, value);
    }
  }
  // A value the answers gave that a circle file may not hold is the answer's problem.
  const checked = circleSchema.safeParse(doc.toJS());
  if (!checked.success) {
    throw new UsageError(checked.error.issues.map((i) => `${ANSWER_OF[i.path.join('.')] ?? i.path.join('.')}: ${i.message}`).join('\n'));
  }
  const text = renderYaml(doc, template);
  parseYaml(templatePath(templateOf(plan)), text, circleSchema);
  return text;
}

/** Make circles/<slug>/ and its files (returned); all or nothing: after a failure (a full disk) the next `circle init` starts clean. */
export async function createCircle(ws: Workspace, plan: NewCircle): Promise<{ dir: string; written: string[] }> {
  const dir = circleDir(ws, plan.slug);
  const circleYaml = await renderCircleYaml(plan);
  const membersYaml = await readFile(templatePath('members.yaml'), 'utf8');
  let made: string | undefined;
  try {
    made = await mkdir(ws.circlesDir, { recursive: true });
    try {
      await mkdir(dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
        throw new CircleError(`a circle already exists at ${displayPath(dir)}; nothing was changed.`);
      }
      throw error;
    }
    made ??= dir;
    await mkdir(meetingsDir(dir));
    const gitkeep = join(meetingsDir(dir), '.gitkeep');
    const files = { [circleFile(dir)]: circleYaml, [membersFile(dir)]: membersYaml, [gitkeep]: '', [join(dir, '.gitignore')]: CIRCLE_GITIGNORE };
    for (const [file, text] of Object.entries(files)) await writeCircleFile(file, text, { exclusive: true });
    return { dir, written: Object.keys(files) };
  } catch (error) {
    if (made !== undefined) await rm(made, { recursive: true, force: true }).catch(() => {});
    if (error instanceof CircleError && !(error instanceof FileError)) throw error;
    const failed = error instanceof FileError ? error : new FileError('create', displayPath(dir), error);
    throw new CircleError(`cannot ${failed.action} ${failed.shown}: ${failed.reason}; nothing was made, and \`circle init\` can be run again.`);
  }
}
