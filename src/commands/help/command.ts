import type { Command } from 'commander';
import { EXIT } from '../../errors.js';
import type { Define } from '../wire.js';

export const define: Define = (program) => {
  program
    .command('help')
    .description('show the help of a command, e.g. circle help members add')
    .argument('[command...]', 'the command and its subcommand')
    .action((names: string[]) => {
      const help = program.createHelp();
      let command: Command = program;
      for (const name of names) {
        const next = help.visibleCommands(command).find((c) => c.name() === name);
        if (!next) return program.error(`error: no command "circle ${names.join(' ')}"; see circle --help`, { exitCode: EXIT.usage });
        command = next;
      }
      command.help();
    });
};
