// An answers file for `circle meet --answers FILE`: a YAML mapping of step id → value.
// Nested mappings are read as dotted ids, so `reflect: {Ana Souza: {tried: …}}` is
// the same as `reflect.Ana Souza.tried: …`.
import { z } from 'zod';
import { UsageError } from '../errors.js';
import { displayPath, loadYaml } from './yaml-file.js';

const answersSchema = z.record(z.string(), z.unknown(), { error: 'expected a mapping of step id → answer' });

function flatten(map: Record<string, unknown>, prefix = '', into: Record<string, unknown> = {}): Record<string, unknown> {
  for (const [key, value] of Object.entries(map)) {
    const id = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) flatten(value as Record<string, unknown>, id, into);
    else into[id] = value;
  }
  return into;
}

const unreadable: Record<string, string> = {
  ENOENT: 'there is no such file',
  EISDIR: 'that is a folder, not a YAML file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
};

/** The answers in `path` (shown in messages as `shown`); a file that cannot be read is a usage error. */
export async function loadAnswers(path: string, shown = displayPath(path)): Promise<Record<string, unknown>> {
  try {
    return flatten((await loadYaml(path, answersSchema.nullish())).data ?? {});
  } catch (error) {
    const why = unreadable[(error as NodeJS.ErrnoException).code ?? ''];
    if (why) throw new UsageError(`--answers ${shown}: ${why}.`);
    throw error;
  }
}
