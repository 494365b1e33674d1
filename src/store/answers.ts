// An answers file for `circle meet --answers FILE`: a YAML mapping of step id → value.
// Nested mappings are read as dotted ids, so `reflect: {Ana Souza: {tried: …}}` is
// the same as `reflect.Ana Souza.tried: …`.
import { stat } from 'node:fs/promises';
import { isScalar, visit } from 'yaml';
import * as z from 'zod';
import { displayPath, fsReason, UsageError } from '../errors.js';
import { loadYaml } from './yaml-file.js';

const answersSchema = z.record(z.string(), z.unknown(), { error: 'expected a mapping of step id → answer' });

function flatten(map: Record<string, unknown>, prefix = '', into: Record<string, unknown> = {}): Record<string, unknown> {
  for (const [key, value] of Object.entries(map)) {
    const id = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) flatten(value as Record<string, unknown>, id, into);
    else into[id] = value;
  }
  return into;
}

/** The answers in `path` (named `shown` in messages); a missing file or a folder is a usage error. */
export async function loadAnswers(path: string, shown = displayPath(path)): Promise<Record<string, unknown>> {
  try {
    if ((await stat(path)).isDirectory()) throw new UsageError(`--answers ${shown}: that is a folder, not a YAML file.`);
    const { doc } = await loadYaml(path, answersSchema.nullish());
    // Answers are text as typed: `007`, `3.10` and `.inf` stay as written, not numbers
    // (a yes/no step reads `true` or `yes` from the text). Empty and `~` stay "no answer".
    visit(doc, {
      Scalar(_, node) {
        if (isScalar(node) && node.value !== null && typeof node.value !== 'string' && node.source !== undefined) node.value = node.source;
      },
    });
    return flatten((answersSchema.nullish().parse(doc.toJS({ maxAliasCount: 50 })) ?? {}) as Record<string, unknown>);
  } catch (error) {
    // Only a file that is missing or not allowed is the caller's mistake; any other failure stays one.
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' || code === 'EACCES' || code === 'EPERM' ? fsReason(error) : undefined;
    if (why) throw new UsageError(`--answers ${shown}: ${why}.`);
    throw error;
  }
}
