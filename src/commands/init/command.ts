import type { CommandSpec } from '../spec.js';

export const init: CommandSpec = {
  about: 'scaffold a new circle in circles/<slug>/ (asks on a terminal; --yes takes the defaults)',
  args: [['[name]', 'the circle\'s name, e.g. "Eastside Youth Workers"']],
  options: [
    ['-y, --yes', 'do not ask: use flags and defaults'],
    ['--language <code>', 'the language the group meets in: en (default), es, fr, de or pt (pt-BR); its questions, agendas, minutes and dates'],
    ['--purpose <text>', 'why the circle meets'],
    ['--cadence <rule>', 'e.g. "weekly on Tuesday", "every 2 weeks on Tuesday", "monthly on the 2nd Tuesday"'],
    ['--start <HH:MM>', 'start time, 24 h'],
    ['--duration <minutes>', 'length of a meeting in minutes (120 by default)'],
    ['--location <place>', 'where the circle meets'],
    ['--slug <folder>', 'folder name under circles/ (default: made from the name)'],
  ],
  examples: ['circle init "Eastside Youth Workers" --yes', 'circle init "Eastside Youth Workers" --cadence "monthly on the 1st Thursday" --start 18:30 --yes', 'circle init "Cercle de Lyon" --language fr --yes'],
  run: () => import('./run.js').then((m) => m.run),
};
