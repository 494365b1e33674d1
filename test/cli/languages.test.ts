// A circle in each language, from `init --language` through its first meeting to the
// second meeting's agenda (text, Markdown, HTML, PDF), the minutes, name tags and the
// calendar: no English heading is left, dates are written the language's way, and the PDF
// read back with pdftotext has its accents. English runs the same path, so the list of
// English headings is seen to find them.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { git, tempDir } from '../helpers.js';
import { cli } from '../harness.js';

/** Headings and words of the English catalogue that a translated document must not hold. */
const ENGLISH = [
  'First meeting',
  'Meeting 2',
  'Welcome and introductions',
  'Time to Reflect',
  'Learning Together',
  "What's Next",
  'Commitments to follow up',
  'Why we meet',
  'Our traditions',
  'Our purpose',
  'Ground rules',
  'Topics the group asked for',
  'Attendance',
  'Facilitated by',
  'members present',
  'Decided for next time',
  'Noted for',
  'Minutes for members',
  'Public summary',
  'Name tags',
  'learning circle meeting',
  'The usual rhythm',
  'Speaker',
  'Tuesday',
  'December',
  'Guest',
  ' of 2',
  'agreed',
  'purpose, rules',
  'Slug',
  'Meetings',
  '2026-12-01 to',
];

/** Accents from the languages' own letters, in the topic the group chooses (and so in every document). */
const TOPIC = 'Façade, ação, Straße, año: café';

interface Expected {
  /** Headings the agenda after the first meeting holds in this language, one with its accents. */
  agenda: string[];
  /** The next meeting's date, written out. */
  date: string;
  /** Headings of the first meeting's minutes. */
  minutes: string[];
  nametags: string;
  calendar: string;
  /** The topic chosen, as the minutes label it (French puts a no-break space before the colon). */
  topic: string;
  /** A guest's tag, with the organisation after it. */
  guest: string;
  /** The first meeting's date as `stats` writes it in a sentence. */
  first: string;
}

const LANGUAGES: Record<string, Expected> = {
  en: {
    agenda: ['Meeting 2', 'Commitments to follow up', 'Our traditions'],
    date: 'Tuesday 15 December 2026',
    minutes: ['Attendance', 'Our purpose', 'Decided for next time'],
    nametags: 'Name tags',
    calendar: 'learning circle meeting',
    topic: 'Topic: ',
    guest: 'Guest',
    first: 'Tuesday 1 December 2026',
  },
  fr: {
    agenda: ['Rencontre 2', 'Engagements à reprendre', 'Nos traditions', 'Temps de retour', 'Et ensuite'],
    date: 'mardi 15 décembre 2026',
    minutes: ['Présences', 'Notre raison d’être'.replace('’', "'"), 'Décidé pour la prochaine fois'],
    nametags: 'Badges',
    calendar: "rencontre du cercle d'apprentissage",
    topic: 'Sujet\u00a0: ',
    guest: 'Invité·e',
    first: 'mardi 1 décembre 2026',
  },
  es: {
    agenda: ['Reunión 2', 'Compromisos para retomar', 'Nuestras tradiciones', 'Tiempo para reflexionar', '¿Y ahora qué?'],
    date: 'martes, 15 de diciembre de 2026',
    minutes: ['Asistencia', 'Nuestro propósito', 'Decidido para la próxima vez'],
    nametags: 'Tarjetas con nombre',
    calendar: 'reunión del círculo de aprendizaje',
    topic: 'Tema: ',
    guest: 'Invitado/a',
    first: 'martes, 1 de diciembre de 2026',
  },
  de: {
    agenda: ['Treffen 2', 'Vorhaben, nach denen wir fragen', 'Unsere Traditionen', 'Zeit zum Nachdenken', 'Wie geht es weiter?'],
    date: 'Dienstag, 15. Dezember 2026',
    minutes: ['Anwesenheit', 'Unser Zweck', 'Beschlossen für nächstes Mal'],
    nametags: 'Namensschilder',
    calendar: 'Treffen des Lernkreises',
    topic: 'Thema: ',
    guest: 'Gast',
    first: 'Dienstag, 1. Dezember 2026',
  },
  pt: {
    agenda: ['Encontro 2', 'Compromissos para retomar', 'Nossas tradições', 'Hora de refletir', 'E agora?'],
    date: 'terça-feira, 15 de dezembro de 2026',
    minutes: ['Presença', 'Nosso propósito', 'Decidido para a próxima vez'],
    nametags: 'Crachás',
    calendar: 'encontro do círculo de aprendizagem',
    topic: 'Tema: ',
    guest: 'Convidado/a',
    first: 'terça-feira, 1 de dezembro de 2026',
  },
};

const CREATED = '2026-11-10';
const FIRST = '2026-12-01';
const env = (today: string) => ({ env: { CIRCLE_TODAY: today } });

const answers = {
  facilitator: 'Ana Souza',
  newcomers: ['Ben Okoro'],
  introductions: { 'Ana Souza': { vision: '…' }, 'Ben Okoro': { organization: 'Café Solidaire' } },
  purpose: { statement: '…' },
  format: { cadence: 'every 2 weeks', day: 'Tuesday', start: '18:00', location: 'Salle 2', traditions: ['introductions', 'name_tags', 'food'] },
  next: { 'Ana Souza': { will_practice: '…' } },
  'next.topic': TOPIC,
};

const englishIn = (text: string) => ENGLISH.filter((h) => text.includes(h));
const pdfText = (file: string) => spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');

describe.each(Object.entries(LANGUAGES))('a circle in %s', (language, expected) => {
  it('prints its agenda, minutes, name tags and calendar in that language', async () => {
    const root = tempDir(`circle-${language}-`);
    git(root, 'init', '-q', '-b', 'main');
    const run = async (argv: string[], today = '2026-12-02') => {
      const r = await cli(argv, { cwd: root, ...env(today) });
      expect(r.code, `${argv.join(' ')}: ${r.stderr}`).toBe(0);
      return r.stdout;
    };
    await run(['init', 'Cercle', '--language', language, '--yes'], CREATED);
    await run(['members', 'add', 'Ana Souza', '--yes'], CREATED);
    writeFileSync(join(root, 'first.yaml'), stringify(answers));
    await run(['meet', '--answers', join(root, 'first.yaml')], FIRST);

    const english = language === 'en';
    const documents: Record<string, string> = {
      'agenda (text)': await run(['agenda', '--format', 'text']),
      'agenda (Markdown)': await run(['agenda', '--format', 'markdown']),
      'agenda (HTML)': await run(['agenda', '--format', 'html']),
    };
    await run(['agenda', '--out', join(root, 'agenda.pdf')]);
    documents['agenda (PDF)'] = pdfText(join(root, 'agenda.pdf'));
    for (const [what, text] of Object.entries(documents)) {
      for (const heading of [...expected.agenda, expected.date, TOPIC]) expect(text, what).toContain(heading);
      if (english) expect(englishIn(text).length, what).toBeGreaterThan(3);
      else expect(englishIn(text), what).toEqual([]);
    }
    expect(documents['agenda (HTML)']).toContain(`<html lang="${language}">`);

    const minutes = { full: await run(['minutes']), public: await run(['minutes', '--public']) };
    await run(['minutes', '--out', join(root, 'minutes.pdf')]);
    const minutesPdf = pdfText(join(root, 'minutes.pdf'));
    // Two pages, so the page footer ("1 of 2") is searched too.
    expect(spawnSync('pdfinfo', [join(root, 'minutes.pdf')], { encoding: 'utf8' }).stdout).toMatch(/^Pages: +2$/m);
    for (const text of [minutes.full, minutesPdf]) for (const heading of expected.minutes) expect(text).toContain(heading);
    expect(await run(['minutes', '--format', 'text'])).toContain(`${expected.topic}${TOPIC}`);
    expect(minutesPdf).toContain(`${expected.topic}${TOPIC}`.replace(/\s/g, ' '));
    for (const text of [minutes.full, minutes.public, minutesPdf]) {
      if (english) expect(englishIn(text).length, text).toBeGreaterThan(3);
      else expect(englishIn(text), text).toEqual([]);
    }
    if (!english) expect(readFileSync(join(root, 'circles', 'cercle', 'meetings', `${FIRST}.yaml`), 'utf8')).toMatch(new RegExp(`^language: ${language}$`, 'm'));

    // The minutes keep the language they were written in when the circle's changes.
    const circleYaml = join(root, 'circles', 'cercle', 'circle.yaml');
    const other = english ? 'fr' : 'en';
    writeFileSync(circleYaml, `${readFileSync(circleYaml, 'utf8').replace(/^language: .*\n/m, '')}\nlanguage: ${other}\n`);
    expect(await run(['minutes'])).toBe(minutes.full);
    writeFileSync(circleYaml, readFileSync(circleYaml, 'utf8').replace(`language: ${other}`, `language: ${language}`));
    await run(['nametags', '--out', join(root, 'tags.pdf')]);
    expect(spawnSync('pdfinfo', [join(root, 'tags.pdf')], { encoding: 'utf8' }).stdout).toContain(expected.nametags);
    const tagsHtml = await run(['nametags', '--format', 'html', '--out', '-', '--guest', 'Hélène Dubois (Ville de Lyon)']);
    expect(tagsHtml).toContain(`<title>${expected.nametags}`);
    expect(tagsHtml).toContain(`${expected.guest} · Ville de Lyon`);

    // What else the group sees: history, stats, the list of circles.
    const seen = { history: await run(['history']), stats: await run(['stats']), list: await run(['list']) };
    expect(seen.stats).toContain(expected.first);
    for (const [what, text] of Object.entries(seen)) {
      if (english) expect(englishIn(text).length, what).toBeGreaterThan(0);
      else expect(englishIn(text), what).toEqual([]);
    }

    await run(['schedule', '--ics', join(root, 'cercle.ics')]);
    const ics = readFileSync(join(root, 'cercle.ics'), 'utf8').replace(/\r\n /g, '');
    expect(ics).toContain(expected.calendar);
    expect(ics).toContain(TOPIC.replace(/([,;])/g, '\\$1'));
    if (!english) expect(englishIn(ics)).toEqual([]);
  });
});

describe('a French and an English circle in one workspace', () => {
  it('each prints in its own language, in the same run of list and one after the other', async () => {
    const root = tempDir('circle-two-languages-');
    for (const [name, language] of [['Cercle de Lyon', 'fr'], ['Leeds Circle', 'en']]) {
      expect((await cli(['init', name!, '--language', language!, '--yes'], { cwd: root, ...env(CREATED) })).code).toBe(0);
    }
    const list = await cli(['list'], { cwd: root, ...env(CREATED), columns: 120 });
    expect(list.stdout).toMatch(/Cercle de Lyon .* 2026-11-10 +mar\.$/m);
    expect(list.stdout).toMatch(/Leeds Circle .* 2026-11-10 +Tue$/m);
    expect(JSON.parse((await cli(['list', '--json'], { cwd: root, ...env(CREATED) })).stdout).map((r: { nextMeeting: string }) => r.nextMeeting)).toEqual(['2026-11-10', '2026-11-10']);
    const agendas: string[] = [];
    for (const slug of ['cercle-de-lyon', 'leeds-circle', 'cercle-de-lyon']) agendas.push((await cli(['--circle', slug, 'agenda', '--format', 'text'], { cwd: root, ...env(CREATED) })).stdout.split('\n')[3]!);
    expect(agendas).toEqual(['Première rencontre · mardi 10 novembre 2026', 'First meeting · Tuesday 10 November 2026', 'Première rencontre · mardi 10 novembre 2026']);
  });
});
