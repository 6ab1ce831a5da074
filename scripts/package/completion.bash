# The fixed part of mesos-setup's bash completion: it reads the tables npm run package puts
# before it (scripts/package/bash-completion.ts makes them from the command line's declaration
# and the settings catalogue). Bash splits words at = (COMP_WORDBREAKS), so the words are joined
# back first, and what is offered is trimmed to the part bash will replace.
_mesos_setup_values() {
	local kind=$1 typed=$2 setting=$3 id v
	case $kind in
		directory)
			compopt -o filenames 2>/dev/null
			mapfile -t -O ${#COMPREPLY[@]} COMPREPLY < <(compgen -d -- "$typed") ;;
		file)
			compopt -o filenames 2>/dev/null
			mapfile -t -O ${#COMPREPLY[@]} COMPREPLY < <(compgen -f -- "$typed") ;;
		setting-id)
			mapfile -t -O ${#COMPREPLY[@]} COMPREPLY < <(compgen -W "$_mesos_setup_settings" -- "$typed") ;;
		setting-value)
			mapfile -t -O ${#COMPREPLY[@]} COMPREPLY < <(compgen -W "$(_mesos_setup_choices "$setting")" -- "$typed") ;;
		setting-assignment)
			if [[ $typed == *=* ]]; then
				id=${typed%%=*}
				for v in $(compgen -W "$(_mesos_setup_choices "$id")" -- "${typed#*=}"); do COMPREPLY+=("$id=$v"); done
			else
				for id in $(compgen -W "$_mesos_setup_settings" -- "$typed"); do COMPREPLY+=("$id="); done
				compopt -o nospace 2>/dev/null
			fi ;;
	esac
}

_mesos_setup() {
	local -a words=() positional=() command_words=()
	local i w glue=0 cword=0
	for ((i = 0; i < ${#COMP_WORDS[@]}; i++)); do
		w=${COMP_WORDS[i]}
		if ((i > 0)) && [[ $w == = || $glue == 1 ]]; then
			words[${#words[@]} - 1]+=$w
		else
			words+=("$w")
		fi
		[[ $w == = ]] && glue=1 || glue=0
		((i == COMP_CWORD)) && cword=$((${#words[@]} - 1))
	done
	local cur=${words[cword]} prev=
	((cword > 0)) && prev=${words[cword - 1]}
	COMPREPLY=()

	# The words before the cursor: options (and the values they took) apart from the rest.
	local skip=0 ended=0 given=' '
	for ((i = 1; i < cword; i++)); do
		w=${words[i]}
		if ((skip)); then skip=0; continue; fi
		if ((ended)) || [[ $w != -* || $w == - ]]; then positional+=("$w"); continue; fi
		if [[ $w == -- ]]; then ended=1; continue; fi
		given+="${w%%=*} "
		[[ $w != *=* && -n $(_mesos_setup_value_kind "$w") ]] && skip=1
	done

	# The command: the longest one whose words begin the words typed.
	local command= best=-1 n j k
	for ((j = 0; j < ${#_mesos_setup_command_words[@]}; j++)); do
		read -ra command_words <<< "${_mesos_setup_command_words[j]}"
		n=${#command_words[@]}
		((n > ${#positional[@]})) && continue
		for ((k = 0; k < n; k++)); do [[ ${positional[k]} == "${command_words[k]}" ]] || continue 2; done
		((n > best)) && best=$n && command=${_mesos_setup_command_ids[j]}
	done

	local kind=
	if ((!ended)) && [[ $cur == --*=* ]]; then
		kind=$(_mesos_setup_value_kind "${cur%%=*}")
		[[ -n $kind ]] && _mesos_setup_values "$kind" "${cur#*=}"
		COMPREPLY=("${COMPREPLY[@]/#/${cur%%=*}=}")
	elif ((!ended && skip)); then
		# The word before is an option that takes a value: this is its value.
		_mesos_setup_values "$(_mesos_setup_value_kind "$prev")" "$cur"
	elif ((!ended)) && [[ $cur == -* ]]; then
		local option
		for option in $(_mesos_setup_options "${command:-home}"); do
			[[ $given == *" $option "* && $(_mesos_setup_repeatable "$option") != yes ]] && continue
			[[ $option == "$cur"* ]] && COMPREPLY+=("$option")
		done
	else
		# The next word of a command, and the command's argument at this place.
		for ((j = 0; j < ${#_mesos_setup_command_words[@]}; j++)); do
			read -ra command_words <<< "${_mesos_setup_command_words[j]}"
			n=${#positional[@]}
			((${#command_words[@]} > n)) || continue
			for ((k = 0; k < n; k++)); do [[ ${positional[k]} == "${command_words[k]}" ]] || continue 2; done
			# Once each: several commands may share the word (cluster plan, cluster status).
			[[ ${command_words[n]} == "$cur"* && " ${COMPREPLY[*]} " != *" ${command_words[n]} "* ]] && COMPREPLY+=("${command_words[n]}")
		done
		if [[ -n $command ]]; then
			kind=$(_mesos_setup_argument_kind "$command" $((${#positional[@]} - best)))
			[[ -n $kind ]] && _mesos_setup_values "$kind" "$cur" "${positional[${#positional[@]} - 1]}"
		fi
	fi

	# Bash replaces only what follows the last = of the word (it split the word there).
	if [[ $cur == *=* && $COMP_WORDBREAKS == *=* ]]; then
		local lead=${cur%=*}=
		COMPREPLY=("${COMPREPLY[@]#"$lead"}")
	fi
	return 0
}

complete -F _mesos_setup mesos-setup
