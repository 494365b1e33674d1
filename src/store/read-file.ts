// Reading a circle file the full way: its YAML parsed and its data checked against the
// schema. circle.ts imports this only when a file is not in the snapshot.
import { join } from 'node:path';
import { circleSchema, meetingSchema, membersSchema, type Meeting } from '../core/schema.js';
import { DataError, displayPath, unlessMissing } from '../errors.js';
import { waitForWriters } from './lock.js';
import { loadYaml, type ExtraCheck } from './yaml-file.js';

/** Beyond the meeting schema: the date inside matches the file name. */
export function dateMatches(date: string): ExtraCheck<Meeting> {
  return (m) => (m.date === date ? [] : [{ path: ['date'], message: `does not match the file name ${date}.yaml` }]);
}

/** A file named by its path in the circle's folder `dir`: circle.yaml, members.yaml or meetings/DATE.yaml. */
export function readCircleFile(dir: string, name: string, strict: boolean): Promise<unknown> {
  return read(dir, name, strict, true);
}

/** `again`: once more, if the file was missing while another process (a sync) held the circle's write lock. */
async function read(dir: string, name: string, strict: boolean, again: boolean): Promise<unknown> {
  const path = join(dir, name);
  const date = /^meetings\/(.+)\.yaml$/.exec(name)?.[1];
  const schema = name === 'circle.yaml' ? circleSchema : membersSchema;
  const loaded = date === undefined ? loadYaml(path, schema, undefined, { strict }) : loadYaml(path, meetingSchema, dateMatches(date), { strict });
  const file = await unlessMissing<{ data: unknown }>(loaded);
  if (file) return file.data;
  if (again && (await waitForWriters(dir))) return read(dir, name, strict, false);
  throw new DataError([{ file: displayPath(path), line: 1, col: 1, message: `${date === undefined ? name : `the meeting of ${date}`} is missing` }]);
}
