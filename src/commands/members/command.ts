import { examples, type Define } from '../wire.js';

export const define: Define = (program, wire) => {
  const members = program
    .command('members')
    .description('the people in the circle: list, add or remove')
    .addHelpText('after', examples('circle members', 'circle members add "Ana Souza" --org "Eastside Library"', 'circle members remove "Ana Souza"'));
  members
    .command('list', { isDefault: true })
    .description('list the members (active first)')
    .option('--all', 'include members who have left')
    .option('--json', 'print JSON')
    .addHelpText('after', examples('circle members list --all'))
    .action(wire(() => import('./run.js').then((m) => ({ run: m.list }))));
  members
    .command('add')
    .description('add a member (asks on a terminal for what the flags leave out)')
    .argument('[name]', 'full name')
    .option('--tag <first-name>', 'name for the name tag (default: the first name)')
    .option('--org <organization>', 'their organisation')
    .option('--joined <YYYY-MM-DD>', 'date they joined (default: today)')
    .option('--vision <text>', 'their answer to "if your mission succeeded, what would the community look like?"')
    .option('--email <address>', 'where `circle send` mails them the agenda and the recap (members.yaml is shared through git: keep the repository private)')
    .option('-y, --yes', 'do not ask')
    .addHelpText('after', examples('circle members add "Ana Souza" --org "Eastside Library" --yes', 'circle members add "Ben Okafor" --email ben@example.org --yes'))
    .action(wire(() => import('./run.js').then((m) => ({ run: m.add }))));
  members
    .command('remove')
    .description('mark a member as no longer active (their history stays)')
    .argument('<name>', 'full name; a name tag or the start of a name is confirmed first')
    .option('-y, --yes', 'do not ask, even when <name> is not the whole name')
    .addHelpText('after', examples('circle members remove "Ana Souza"', 'circle members remove Ana --yes'))
    .action(wire(() => import('./run.js').then((m) => ({ run: m.remove }))));
};
