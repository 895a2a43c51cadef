"""Shell completion scripts made from the command line's own parser: `sdkforge completion bash`.

The script lists the commands and, per command, its options; anything else completes as a file
name (specs, snapshots, folders). zsh uses the same function through bashcompinit.
"""

from __future__ import annotations

import argparse
import shlex


def _options(parser: argparse.ArgumentParser) -> list[str]:
    return sorted(
        flag
        for action in parser._actions
        for flag in action.option_strings
        if flag.startswith("--")
    )


def _commands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(sorted(action.choices.items()))
    return {}


def completion_script(parser: argparse.ArgumentParser, shell: str) -> str:
    commands = _commands(parser)
    cases = "\n".join(
        f"        {name}) opts={shlex.quote(' '.join(_options(sub)))} ;;"
        for name, sub in commands.items()
    )
    top = " ".join([*commands, *_options(parser)])
    lines = [
        '# sdkforge completion; load with: eval "$(sdkforge completion ' + shell + ')"',
        *(["autoload -U +X bashcompinit && bashcompinit"] if shell == "zsh" else []),
        "_sdkforge() {",
        '    local cur="${COMP_WORDS[COMP_CWORD]}" command="" opts="" word skip=0',
        '    for word in "${COMP_WORDS[@]:1:COMP_CWORD-1}"; do',
        '        if [ "$skip" = 1 ]; then skip=0; continue; fi',
        '        case "$word" in --config) skip=1 ;; -*) ;; *) command="$word"; break ;; esac',
        "    done",
        '    if [ -z "$command" ]; then',
        f'        COMPREPLY=($(compgen -W {shlex.quote(top)} -- "$cur"))',
        "        return",
        "    fi",
        '    case "$command" in',
        cases,
        "    esac",
        '    if [[ "$cur" == -* ]]; then',
        '        COMPREPLY=($(compgen -W "$opts" -- "$cur"))',
        "    else",
        '        COMPREPLY=($(compgen -f -- "$cur"))',
        "    fi",
        "}",
        "complete -o filenames -F _sdkforge sdkforge",
        "",
    ]
    return "\n".join(lines)
