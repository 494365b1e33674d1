import { examples, type Define } from '../wire.js';

export const define: Define = (program, wire) => {
  program
    .command('init')
    .description('scaffold a new circle in circles/<slug>/ (asks on a terminal; --yes takes the defaults)')
    .argument('[name]', 'the circle\'s name, e.g. "Eastside Youth Workers"')
    .option('-y, --yes', 'do not ask: use flags and defaults')
    .option('--language <code>', 'the language the group meets in: en (default), es, fr, de or pt (pt-BR); its questions, agendas, minutes and dates')
    .option('--purpose <text>', 'why the circle meets')
    .option('--cadence <rule>', 'e.g. "weekly on Tuesday", "every 2 weeks on Tuesday", "monthly on the 2nd Tuesday"')
    .option('--start <HH:MM>', 'start time, 24 h')
    .option('--duration <minutes>', 'length of a meeting in minutes (120 by default)')
    .option('--location <place>', 'where the circle meets')
    .option('--slug <folder>', 'folder name under circles/ (default: made from the name)')
    .addHelpText('after', examples('circle init "Eastside Youth Workers" --yes', 'circle init "Eastside Youth Workers" --cadence "monthly on the 1st Thursday" --start 18:30 --yes', 'circle init "Cercle de Lyon" --language fr --yes'))
    .action(wire(() => import('./run.js')));
};
