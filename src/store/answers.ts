// An answers file for `circle meet --answers FILE`: a YAML mapping of step id → value.
// Nested mappings are read as dotted ids, so `reflect: {Ana Souza: {tried: …}}` is
// the same as `reflect.Ana Souza.tried: …`.
import { z } from 'zod';
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

export async function loadAnswers(path: string): Promise<Record<string, unknown>> {
  return flatten((await loadYaml(path, answersSchema.nullish())).data ?? {});
}
