# bash completion for claimmap. Subcommands and options are read from claimmap's own --help, so
# they follow the installed version; option values complete from the installed data where known.
_claimmap() {
    local cur prev words cword
    if declare -F _init_completion >/dev/null; then
        _init_completion || return
    else
        cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]} words=("${COMP_WORDS[@]}") cword=$COMP_CWORD
    fi
    local bin=${words[0]} sub="" i
    local subs
    subs=$("$bin" --help 2>/dev/null | awk 'tolower($0) ~ /^subcommands:/ {on = 1; next} on && /^  [a-z]/ {print $1}' | tr '\n' ' ')
    for ((i = 1; i < cword; i++)); do
        if [[ " $subs " == *" ${words[i]} "* ]]; then sub=${words[i]}; break; fi
    done
    local share
    share=$(cd "$(dirname "$(command -v "$bin")")/../share/claimmap" 2>/dev/null && pwd)
    case $prev in
        --case | --land | -o | --output)
            COMPREPLY=($(compgen -f -- "$cur")); return ;;
        --data-dir | --out-dir)
            COMPREPLY=($(compgen -d -- "$cur")); return ;;
        --style)
            local styles=""
            [ -n "$share" ] && styles=$(cd "$share/styles" 2>/dev/null && ls *.toml 2>/dev/null | sed 's/\.toml$//')
            COMPREPLY=($(compgen -W "$styles" -- "$cur")); compopt -o filenames 2>/dev/null
            COMPREPLY+=($(compgen -f -X '!*.toml' -- "$cur")); return ;;
        --lang)
            local langs=""
            [ -n "$share" ] && langs=$(cd "$share/i18n" 2>/dev/null && ls *.toml 2>/dev/null | sed 's/\.toml$//')
            COMPREPLY=($(compgen -W "$langs" -- "$cur")); return ;;
        --pov | --scenario | --compare | --scenarios | --event | --shard | --size | --paper | --dpi | --extent | --crs | \
            --title | --subtitle | --name | --format | --jobs | -j | --baseline | --date | --detail)
            return ;;
    esac
    if [[ -z $sub ]]; then
        COMPREPLY=($(compgen -W "$subs --help --version --data-dir" -- "$cur"))
        return
    fi
    if [[ $cur == -* ]]; then
        local opts
        opts=$("$bin" "$sub" --help 2>/dev/null | grep -oE -- '(^|[ ,])--?[a-zA-Z][a-zA-Z-]*' | sed 's/^[ ,]//' | sort -u)
        COMPREPLY=($(compgen -W "$opts" -- "$cur"))
        return
    fi
    if [[ $sub == batch ]]; then
        compopt -o filenames 2>/dev/null
        COMPREPLY=($(compgen -f -X '!*.toml' -- "$cur") $(compgen -d -- "$cur"))
        [ -n "$share" ] && [[ -z $cur ]] && COMPREPLY+=("$share"/atlas/*.toml)
        return
    fi
    COMPREPLY=($(compgen -f -- "$cur"))
}
complete -F _claimmap claimmap
