// `circle meet` in a real pseudo-terminal for a circle that meets in French: the questions
// are asked in French, a few are answered, and Ctrl-C keeps what was said.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeWorkspace } from '../helpers.js';
import { hasTmux, inCI, Tmux } from './tmux.js';

describe.skipIf(!hasTmux && !inCI)('circle meet in French', () => {
  let tmux: Tmux | undefined;
  afterEach(() => tmux?.kill());

  it('asks its questions in French', async () => {
    if (!hasTmux) throw new Error('tmux is required for the end-to-end test in CI (apt-get install tmux)');
    const { root, circleDir } = makeWorkspace({ example: true });
    const circleYaml = join(circleDir, 'circle.yaml');
    writeFileSync(circleYaml, `${readFileSync(circleYaml, 'utf8')}\nlanguage: fr\n`);
    tmux = new Tmux();
    const t = tmux;

    t.start(root, ['meet']);
    await t.answer("Qui anime aujourd'hui");
    // The active members are ticked already: Enter takes them.
    await t.answer('Qui est là');
    await t.answer("Dr Nadia Karim (psychologist, Riverside Community Health Clinic), la personne attendue pour intervenir, est-elle là");
    await t.answer('Invités (de passage, sans rejoindre le cercle) (1', 'Pat Visiteur');
    await t.answer('Invités (de passage, sans rejoindre le cercle) (2');
    await t.answer("Nouvelles personnes qui rejoignent le cercle aujourd'hui (1");
    await t.answer('Noter les présentations de tout le monde');
    await t.see('La dernière fois, ');
    await t.answer("Qu'avez-vous essayé depuis notre dernière rencontre", 'Un nouveau planning des bénévoles');
    await t.answer("Qu'est-ce qui vous a surpris", 'Trois chauffeurs ont dit oui');
    await t.waitFor((s) => s.split('\n').some((l) => l.startsWith("? Qu'est-ce qui vous a donné de l'élan")), 'the third question');
    t.keys('C-c');
    await t.see('draft saved');
    const draft = readFileSync(join(circleDir, '.draft.yaml'), 'utf8');
    expect(draft).toContain('Un nouveau planning des bénévoles');
    expect(draft).toContain('Pat Visiteur');
  });
});
