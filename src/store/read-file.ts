// Reading a circle file the full way: its YAML parsed and its data checked against the schema.
import { join } from 'node:path';
import { circleSchema, meetingSchema, membersSchema } from '../core/schema.js';
import { DataError, displayPath } from '../errors.js';
import { dateMatches } from './circle.js';
import { loadYaml } from './yaml-file.js';

/** A file named by its path in the circle's folder `dir`: circle.yaml, members.yaml or meetings/DATE.yaml. */
export async function readCircleFile(dir: string, name: string, strict: boolean): Promise<unknown> {
  const path = join(dir, name);
  const date = /^meetings\/(.+)\.yaml$/.exec(name)?.[1];
  try {
    if (date !== undefined) return (await loadYaml(path, meetingSchema, dateMatches(date), { strict })).data;
    return (await loadYaml(path, name === 'circle.yaml' ? circleSchema : membersSchema, undefined, { strict })).data;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    throw new DataError([{ file: displayPath(path), line: 1, col: 1, message: `${date === undefined ? name : `the meeting of ${date}`} is missing` }]);
  }
}
