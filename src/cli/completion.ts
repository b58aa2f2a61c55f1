// `jdlens completion bash|zsh|fish`: a completion script made from the commands and options the
// CLI itself defines (commander), so that it never falls behind them.
import type { Command, Option } from 'commander';

/** The values an option takes, where they are few: --format, --lang. */
const VALUES: Record<string, string[]> = { '--format': ['json', 'md', 'text', 'html'], '--lang': ['zh', 'en'], completion: ['bash', 'zsh', 'fish'] };
/** Options whose value is a file or folder. */
const FILES = new Set(['--out', '--profile', '--resume', '--taxonomy', '--model', '--labels', '--against']);

interface Cmd {
  name: string;
  options: Option[];
  subcommands: Cmd[];
}

function describe(c: Command): Cmd {
  return { name: c.name(), options: c.options as Option[], subcommands: c.commands.map(describe) };
}

const flags = (o: Option) => [o.long, o.short].filter((x): x is string => Boolean(x));

function bash(root: Cmd): string {
  const cmds = root.subcommands.map((c) => c.name).join(' ');
  const cases = root.subcommands
    .map((c) => {
      const opts = [...c.options.flatMap(flags), '--help', ...c.subcommands.map((s) => s.name)].join(' ');
      return `    ${c.name}) opts="${opts}" ;;`;
    })
    .join('\n');
  const valueCases = Object.entries(VALUES)
    .filter(([k]) => k.startsWith('--'))
    .map(([k, v]) => `    ${k}) COMPREPLY=( $(compgen -W "${v.join(' ')}" -- "$cur") ); return ;;`)
    .join('\n');
  return `# jdlens completion for bash: source it, or put it in ~/.local/share/bash-completion/completions/jdlens
_jdlens() {
  local cur prev cmd opts
  cur="\${COMP_WORDS[COMP_CWORD]}"
  prev="\${COMP_WORDS[COMP_CWORD-1]}"
  if [[ $COMP_CWORD -eq 1 ]]; then
    COMPREPLY=( $(compgen -W "${cmds} --help --version" -- "$cur") )
    return
  fi
  cmd="\${COMP_WORDS[1]}"
  case "$prev" in
${valueCases}
    ${[...FILES].concat(['-o']).join('|')}) COMPREPLY=( $(compgen -f -- "$cur") ); return ;;
  esac
  if [[ "$cmd" == completion ]]; then
    COMPREPLY=( $(compgen -W "${VALUES.completion!.join(' ')}" -- "$cur") )
    return
  fi
  case "$cmd" in
${cases}
    *) opts="" ;;
  esac
  if [[ "$cur" == -* ]]; then
    COMPREPLY=( $(compgen -W "$opts" -- "$cur") )
  else
    # inputs: files and folders (and the subcommands of "profile")
    COMPREPLY=( $(compgen -W "$(echo "$opts" | tr ' ' '\\n' | grep -v '^-')" -- "$cur") $(compgen -f -- "$cur") )
  fi
}
complete -o filenames -o bashdefault -F _jdlens jdlens
`;
}

function zsh(root: Cmd): string {
  // zsh runs the bash function through bashcompinit: one definition for both shells
  return `#compdef jdlens
# jdlens completion for zsh: put it in a folder of $fpath as _jdlens, or source it
autoload -U +X bashcompinit && bashcompinit
${bash(root).replace(/^# .*\n/, '')}`;
}

function fish(root: Cmd): string {
  const out = ['# jdlens completion for fish: save as ~/.config/fish/completions/jdlens.fish', 'complete -c jdlens -f'];
  const names = root.subcommands.map((c) => c.name).join(' ');
  out.push(`complete -c jdlens -n 'not __fish_seen_subcommand_from ${names}' -a '${names}'`);
  for (const c of root.subcommands) {
    const when = `-n '__fish_seen_subcommand_from ${c.name}'`;
    if (c.name === 'completion') out.push(`complete -c jdlens ${when} -a '${VALUES.completion!.join(' ')}'`);
    for (const s of c.subcommands) out.push(`complete -c jdlens ${when} -a '${s.name}'`);
    // inputs are files and folders
    if (c.name === 'analyze' || c.name === 'terms') out.push(`complete -c jdlens ${when} -F`);
    for (const o of c.options) {
      const long = o.long?.replace(/^--/, '');
      if (!long) continue;
      const short = o.short ? ` -s ${o.short.replace(/^-/, '')}` : '';
      const values = VALUES[o.long!];
      const takes = values ? ` -xa '${values.join(' ')}'` : FILES.has(o.long!) ? ' -rF' : o.required || o.optional ? ' -x' : '';
      out.push(`complete -c jdlens ${when} -l ${long}${short}${takes} -d ${JSON.stringify(o.description.split(/[;(:]/)[0]!.trim())}`);
    }
  }
  return `${out.join('\n')}\n`;
}

export function completionScript(program: Command, shell: 'bash' | 'zsh' | 'fish'): string {
  const root = describe(program);
  return shell === 'bash' ? bash(root) : shell === 'zsh' ? zsh(root) : fish(root);
}
