// Every language's catalogue (templates/prompts.LANG.yaml) has every message of the English
// one (templates/prompts.yaml) and no other, with the same placeholders and the same
// questions; plural messages have the forms their language's plural rules ask for.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, loadWords } from '../../src/core/languages.js';
import { longDate, t } from '../../src/core/words.js';
import { repoRoot } from '../helpers.js';

const read = (name: string) => parse(readFileSync(join(repoRoot, 'templates', name), 'utf8'), { uniqueKeys: true }) as unknown;
const PLURAL_FORMS = new Set(['zero', 'one', 'two', 'few', 'many', 'other']);
const isPlural = (v: unknown): v is Record<string, string> =>
  !!v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length > 0 && Object.keys(v).every((k) => PLURAL_FORMS.has(k)) && 'other' in v;
const placeholders = (v: unknown): string[] =>
  [...new Set((isPlural(v) ? Object.values(v) : [String(v)]).flatMap((s) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!)))].sort();
/** Fields of a question that are its structure, not its words: the same in every language. */
const STRUCTURE = ['id', 'kind', 'each', 'agenda', 'long'];

/** Every difference between the English catalogue and a translation, each named by its key. */
function differences(en: unknown, other: unknown, language: string, at = '', item = false): string[] {
  if (isPlural(en)) {
    if (!isPlural(other)) return [`${at}: expected plural forms (one:, other:…)`];
    const allowed = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
    // `zero` is any language's form for a count of 0 (see words.ts).
    const extra = Object.keys(other).filter((k) => k !== 'zero' && !allowed.includes(k as Intl.LDMLPluralRule));
    return [
      ...(extra.length ? [`${at}: ${language} has no plural form ${extra.join(', ')}`] : []),
      ...(placeholders(en).join() === placeholders(other).join() ? [] : [`${at}: placeholders {${placeholders(other).join('}, {')}} instead of {${placeholders(en).join('}, {')}}`]),
    ];
  }
  if (typeof en === 'string') {
    if (typeof other !== 'string' || !other.trim()) return [`${at}: missing`];
    return placeholders(en).join() === placeholders(other).join() ? [] : [`${at}: placeholders {${placeholders(other).join('}, {')}} instead of {${placeholders(en).join('}, {')}}`];
  }
  if (Array.isArray(en)) {
    if (!Array.isArray(other) || other.length !== en.length) return [`${at}: expected ${en.length} items`];
    return en.flatMap((q, i) => {
      const key = `${at}[${(q as { id?: string }).id ?? i}]`;
      const moved = STRUCTURE.filter((f) => (q as Record<string, unknown>)[f] !== (other[i] as Record<string, unknown>)[f]);
      return [...(moved.length ? [`${key}: ${moved.join(', ')} differ`] : []), ...differences(q, other[i], language, key, true)];
    });
  }
  if (en && typeof en === 'object') {
    if (!other || typeof other !== 'object') return [`${at}: missing`];
    const theirs = other as Record<string, unknown>;
    const ours = en as Record<string, unknown>;
    return [
      ...Object.keys(ours)
        .filter((k) => !(item && STRUCTURE.includes(k)))
        .flatMap((k) => (k in theirs ? differences(ours[k], theirs[k], language, at ? `${at}.${k}` : k) : [`${at ? `${at}.${k}` : k}: missing`])),
      ...Object.keys(theirs)
        .filter((k) => !(k in ours))
        .map((k) => `${at ? `${at}.${k}` : k}: not in the English catalogue`),
    ];
  }
  return [];
}

const english = read('prompts.yaml');
/** pt-BR is written in prompts.pt.yaml (Portuguese as written in Brazil). */
const catalogueOf = (language: string) => read(`prompts.${language === 'pt-BR' ? 'pt' : language}.yaml`);
const translated = LANGUAGES.filter((l) => l !== 'en');

describe('the catalogues', () => {
  it.each(translated)('%s has every English message and no other, with the same placeholders and questions', (language) => {
    expect(differences(english, catalogueOf(language), language)).toEqual([]);
  });

  it('names the key that is missing, or has other placeholders', () => {
    const broken = structuredClone(read('prompts.fr.yaml')) as Record<string, Record<string, unknown>>;
    delete broken.agenda!.commitments;
    broken.minutes!.facilitated = 'Animée par {nom}';
    (broken.reflect!.questions as Array<Record<string, unknown>>)[0]!.each = false;
    expect(differences(english, broken, 'fr')).toEqual(['reflect.questions[tried]: each differ', 'agenda.commitments: missing', 'minutes.facilitated: placeholders {nom} instead of {name}']);
  });

  it.each(translated)('%s is what the program loads, with its date-fns locale and plural rules', async (language) => {
    const words = await loadWords(language);
    expect(words.catalogue).toEqual(catalogueOf(language));
    expect(longDate('2026-12-15', words)).not.toMatch(/Tuesday|December/);
    expect(t('minutes.present', { count: 2 }, words)).toContain('2');
  });

  it('writes dates and plurals in the language', async () => {
    const fr = await loadWords('fr');
    expect(longDate('2026-12-15', fr)).toBe('mardi 15 décembre 2026');
    expect([1, 2].map((count) => t('minutes.present', { count }, fr))).toEqual(['1 membre présent', '2 membres présents']);
    expect([1, 2].map((count) => t('minutes.present', { count }))).toEqual(['1 member present', '2 members present']);
    expect(longDate('2026-12-15')).toBe('Tuesday 15 December 2026');
  });

  it('reads right where the first translations did not', async () => {
    const pt = await loadWords('pt');
    // Portuguese rules put 0 with 1: the `zero` form says "0 compromissos".
    expect([0, 1, 2].map((count) => t('practice.due', { count }, pt))).toEqual(['0 compromissos', '1 compromisso', '2 compromissos']);
    expect(t('practice.member', { name: 'Ana', done: 0, due: t('practice.due', { count: 0 }, pt), share: '-' }, pt)).toBe('Ana: retomou 0 de 0 compromissos (-)');
    expect(t('agenda.following', { date: longDate('2027-01-05', pt) }, pt)).toBe('Pelo calendário, a data do encontro seguinte é terça-feira, 5 de janeiro de 2027.');
    const es = await loadWords('es');
    expect(t('practice.member', { name: 'Ana', done: 1, due: t('practice.due', { count: 1 }, es), share: '100%' }, es)).toBe('Ana: retomó 1 de 1 compromiso (100%)');
    // Brazilian words (compartilhar, not partilhar), in the catalogue and the circle.yaml init writes.
    expect(`${JSON.stringify(catalogueOf('pt-BR'))}${readFileSync(join(repoRoot, 'templates', 'circle.pt.yaml'), 'utf8')}`).not.toMatch(/\bpartilh/);
    // The expected speaker, asked about without a gender.
    expect(JSON.stringify(catalogueOf('fr'))).toContain('la personne attendue pour intervenir, est-elle là comme invitée');
  });
});
