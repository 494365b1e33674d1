// Creating a new circle folder from templates/.
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isScalar, parseDocument } from 'yaml';
import type { NewCircle } from '../core/init.js';
import { circleSchema } from '../core/schema.js';
import { CircleError } from '../errors.js';
import { writeFileAtomic } from './atomic.js';
import { circleFile, meetingsDir, membersFile } from './circle.js';
import { templatePath } from './templates.js';
import { circleDir, type Workspace } from './workspace.js';
import { displayPath, parseYaml, renderYaml } from './yaml-file.js';

/** Local state that never belongs in git. */
export const CIRCLE_GITIGNORE = `# Local state of \`circle\`: a meeting in progress, its lock, half-written files.
.draft.yaml
.lock
.circle-tmp-*
.cache/
`;

/** Fill the circle.yaml template; the result is checked before anything is written. */
export async function renderCircleYaml(plan: NewCircle): Promise<string> {
  const template = await readFile(templatePath('circle.yaml'), 'utf8');
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
  const text = renderYaml(doc, template);
  parseYaml(templatePath('circle.yaml'), text, circleSchema);
  return text;
}

/** Make the circle's folder and files; returns the folder and the files written. */
export async function createCircle(ws: Workspace, plan: NewCircle): Promise<{ dir: string; written: string[] }> {
  const dir = circleDir(ws, plan.slug);
  const circleYaml = await renderCircleYaml(plan);
  await mkdir(ws.circlesDir, { recursive: true });
  try {
    await mkdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new CircleError(`a circle already exists at ${displayPath(dir)}; nothing was changed.`);
    }
    throw error;
  }
  await mkdir(meetingsDir(dir));
  const files: Array<[string, string]> = [
    [circleFile(dir), circleYaml],
    [membersFile(dir), await readFile(templatePath('members.yaml'), 'utf8')],
    [join(meetingsDir(dir), '.gitkeep'), ''],
    [join(dir, '.gitignore'), CIRCLE_GITIGNORE],
  ];
  for (const [path, text] of files) await writeFileAtomic(path, text, { exclusive: true });
  return { dir, written: files.map(([path]) => path) };
}
