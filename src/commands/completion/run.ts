// circle completion bash|zsh|fish: a tab-completion script made from the commands
// themselves, so it always knows the commands, subcommands and options of this version.
import type { Command, Option } from 'commander';
import type { Context } from '../../context.js';

type Shell = 'bash' | 'zsh' | 'fish';

/** What the word after an option is: a folder, a file, a circle, one of a list, or free text. */
type ValueKind = { kind: 'none' | 'dir' | 'file' | 'slug' | 'text' } | { kind: 'choices'; choices: string[] };

interface OptionSpec {
  names: string[];
  description: string;
  value: ValueKind;
}

interface CommandSpec {
  /** Words after `circle`, e.g. "members add"; "" for circle itself. */
  path: string;
  name: string;
  description: string;
  subcommands: CommandSpec[];
  options: OptionSpec[];
  /** The words its first argument can be (edit: circle, members, minutes), and what they are. */
  values: string[];
  valuesAre: string;
}

const FILE_OPTIONS = new Set(['--out', '--answers', '--ics']);

function valueOf(o: Option): ValueKind {
  if (!o.required && !o.optional) return { kind: 'none' };
  if (o.argChoices) return { kind: 'choices', choices: o.argChoices };
  if (o.long === '--home') return { kind: 'dir' };
  if (o.long === '--circle') return { kind: 'slug' };
  return { kind: o.long && FILE_OPTIONS.has(o.long) ? 'file' : 'text' };
}

function specOf(command: Command, path: string): CommandSpec {
  const help = command.createHelp();
  return {
    path,
    name: command.name(),
    description: command.description().split('\n')[0]!,
    subcommands: help
      .visibleCommands(command)
      .map((c) => specOf(c, path ? `${path} ${c.name()}` : c.name())),
    values: command.registeredArguments[0]?.argChoices ?? [],
    valuesAre: command.registeredArguments[0]?.description ?? '',
    options: help.visibleOptions(command).map((o) => ({
      names: [o.long, o.short].filter((n): n is string => Boolean(n)),
      description: o.description,
      value: valueOf(o),
    })),
  };
}

function all(spec: CommandSpec): CommandSpec[] {
  return [spec, ...spec.subcommands.flatMap(all)];
}

/** The slugs of the circles here, from `circle list --json` (one "slug": line each). */
const SLUGS = `circle list --json 2>/dev/null | sed -n 's/^ *"slug": "\\(.*\\)",*$/\\1/p'`;

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

function bash(root: CommandSpec, globals: OptionSpec[]): string {
  const commands = all(root);
  const valued = [...new Set(commands.flatMap((c) => [...c.options, ...globals]).filter((o) => o.value.kind !== 'none').flatMap((o) => o.names))];
  const words = (c: CommandSpec) => [...new Set([...c.subcommands.map((s) => s.name), ...c.values, ...[...c.options, ...globals].flatMap((o) => o.names)])];
  const choiceCases = commands.flatMap((c) =>
    c.options.flatMap((o) =>
      o.value.kind === 'choices' ? [`      ${quote(c.path)}:${o.names.join('|')}) COMPREPLY=($(compgen -W ${quote(o.value.choices.join(' '))} -- "$cur")); return ;;`] : [],
    ),
  );
  return `# bash completion for circle. Load it now with: source <(circle completion bash)
# or for every shell: circle completion bash > ~/.local/share/bash-completion/completions/circle
_circle() {
  local cur prev cmd word i
  cur=\${COMP_WORDS[COMP_CWORD]}
  prev=\${COMP_WORDS[COMP_CWORD-1]}
  cmd=
  for ((i = 1; i < COMP_CWORD; i++)); do
    word=\${COMP_WORDS[i]}
    case $word in
      ${valued.join('|')}) ((i++)) ;;
      -*) ;;
      *) case "\${cmd:+$cmd }$word" in
           ${commands.filter((c) => c.path).map((c) => quote(c.path)).join('|')}) cmd=\${cmd:+$cmd }$word ;;
         esac ;;
    esac
  done
  case $prev in
    --home) COMPREPLY=($(compgen -d -- "$cur")); return ;;
    ${[...FILE_OPTIONS].join('|')}) COMPREPLY=($(compgen -f -- "$cur")); return ;;
    --circle) COMPREPLY=($(compgen -W "$(${SLUGS})" -- "$cur")); return ;;
  esac
  case "$cmd:$prev" in
${choiceCases.join('\n')}
  esac
  case $cmd in
${commands.map((c) => `    ${quote(c.path)}) COMPREPLY=($(compgen -W ${quote(words(c).join(' '))} -- "$cur")) ;;`).join('\n')}
  esac
}
complete -o default -F _circle circle
`;
}

function zsh(root: CommandSpec, globals: OptionSpec[]): string {
  const commands = all(root);
  const valued = [...new Set(commands.flatMap((c) => [...c.options, ...globals]).filter((o) => o.value.kind !== 'none').flatMap((o) => o.names))];
  const describe = (items: Array<[string, string]>) => items.map(([n, d]) => quote(`${n.replace(/:/g, '\\:')}:${d}`)).join(' ');
  const choiceCases = commands.flatMap((c) =>
    c.options.flatMap((o) => (o.value.kind === 'choices' ? [`    (${quote(c.path)}:${o.names.join('|')}) compadd -- ${o.value.choices.join(' ')}; return ;;`] : [])),
  );
  return `#compdef circle
# zsh completion for circle. Install it with: circle completion zsh > "\${fpath[1]}/_circle"
# (then start a new shell), or load it now with: source <(circle completion zsh)
_circle() {
  local cmd= word i
  for (( i = 2; i < CURRENT; i++ )); do
    word=\${words[i]}
    case $word in
      (${valued.join('|')}) (( i++ )) ;;
      (-*) ;;
      (*) case "\${cmd:+$cmd }$word" in
            (${commands.filter((c) => c.path).map((c) => quote(c.path)).join('|')}) cmd="\${cmd:+$cmd }$word" ;;
          esac ;;
    esac
  done
  case \${words[CURRENT-1]} in
    (--home) _files -/; return ;;
    (${[...FILE_OPTIONS].join('|')}) _files; return ;;
    (--circle) compadd -- \${(f)"$(${SLUGS})"}; return ;;
  esac
  case "$cmd:\${words[CURRENT-1]}" in
${choiceCases.join('\n')}
  esac
  local -a subcommands options
  case $cmd in
${commands
  .map(
    (c) =>
      `    (${quote(c.path)}) subcommands=(${describe([...c.subcommands.map((s): [string, string] => [s.name, s.description]), ...c.values.map((v): [string, string] => [v, c.valuesAre])])}); options=(${describe(
        [...c.options, ...globals].flatMap((o) => o.names.map((n): [string, string] => [n, o.description])),
      )}) ;;`,
  )
  .join('\n')}
  esac
  if [[ $PREFIX == -* ]]; then
    _describe -t options 'option' options
  else
    _describe -t commands 'command' subcommands || _files
  fi
}
if [[ $zsh_eval_context[-1] == loadautofunc ]]; then
  _circle "$@"
else
  compdef _circle circle
fi
`;
}

/** What fish offers after an option, by what its value is. */
const FISH_VALUES = { none: '', dir: ` -r -a '(__fish_complete_directories)'`, file: ' -r -F', slug: ` -x -a ${quote(`(${SLUGS})`)}`, text: ' -x' };

function fish(root: CommandSpec, globals: OptionSpec[]): string {
  const lines = ['# fish completion for circle. Install it with: circle completion fish > ~/.config/fish/completions/circle.fish', 'complete -c circle -f'];
  const optionLine = (o: OptionSpec, condition: string) => {
    const names = o.names.map((n) => (n.startsWith('--') ? `-l ${n.slice(2)}` : `-s ${n.slice(1)}`)).join(' ');
    const value = o.value.kind === 'choices' ? ` -x -a ${quote(o.value.choices.join(' '))}` : FISH_VALUES[o.value.kind];
    return `complete -c circle${condition ? ` -n ${quote(condition)}` : ''} ${names}${value} -d ${quote(o.description)}`;
  };
  for (const o of globals) lines.push(optionLine(o, ''));
  const visit = (c: CommandSpec, seen: string[]) => {
    const inside = seen.map((w) => `__fish_seen_subcommand_from ${w}`);
    const names = c.subcommands.map((s) => s.name);
    const here = c.path ? [...inside, `not __fish_seen_subcommand_from ${names.join(' ')}`] : ['__fish_use_subcommand'];
    for (const s of c.subcommands) lines.push(`complete -c circle -n ${quote(here.join('; and '))} -a ${s.name} -d ${quote(s.description)}`);
    if (c.path) for (const o of c.options) lines.push(optionLine(o, inside.join('; and ')));
    if (c.values.length) lines.push(`complete -c circle -n ${quote(inside.join('; and '))} -a ${quote(c.values.join(' '))}`);
    for (const s of c.subcommands) visit(s, [...seen, s.name]);
  };
  visit(root, []);
  return `${lines.join('\n')}\n`;
}

/** `circle completion SHELL`: the script for the program this command belongs to. */
export async function run(ctx: Context, shell: Shell, _options: unknown, command: Command): Promise<void> {
  const root = specOf(command.parent!, '');
  // circle's own options (--home, --circle, colour) can be given anywhere on the line;
  // --version and --help stay with circle itself.
  const own = (o: OptionSpec) => o.names.some((n) => n === '--version' || n === '--help');
  ctx.deps.stdout.write({ bash, zsh, fish }[shell]({ ...root, options: root.options.filter(own) }, root.options.filter((o) => !own(o))));
}
