import type { CommandSpec } from '../spec.js';

export const members: CommandSpec = {
  about: 'the people in the circle: list, add or remove',
  examples: ['circle members', 'circle members add "Ana Souza" --org "Eastside Library"', 'circle members remove "Ana Souza"'],
  subcommands: {
    list: {
      isDefault: true,
      about: 'list the members (active first)',
      options: [
        ['--all', 'include members who have left'],
        ['--json', 'print JSON'],
      ],
      examples: ['circle members list --all'],
      run: () => import('./run.js').then((m) => m.list),
    },
    add: {
      about: 'add a member (asks on a terminal for what the flags leave out)',
      args: [['[name]', 'full name']],
      options: [
        ['--tag <first-name>', 'name for the name tag (default: the first name)'],
        ['--org <organization>', 'their organisation'],
        ['--joined <YYYY-MM-DD>', 'date they joined (default: today)'],
        ['--vision <text>', 'their answer to "if your mission succeeded, what would the community look like?"'],
        ['--email <address>', 'where `circle send` mails them the agenda and the recap (members.yaml is shared through git: keep the repository private)'],
        ['-y, --yes', 'do not ask'],
      ],
      examples: ['circle members add "Ana Souza" --org "Eastside Library" --yes', 'circle members add "Ben Okafor" --email ben@example.org --yes'],
      run: () => import('./run.js').then((m) => m.add),
    },
    remove: {
      about: 'mark a member as no longer active (their history stays)',
      args: [['<name>', 'full name; a name tag or the start of a name is confirmed first']],
      options: [['-y, --yes', 'do not ask, even when <name> is not the whole name']],
      examples: ['circle members remove "Ana Souza"', 'circle members remove Ana --yes'],
      run: () => import('./run.js').then((m) => m.remove),
    },
  },
};
