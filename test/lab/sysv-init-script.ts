/** What one stand-in's /etc/init.d script needs to know. */
export type InitScriptOptions = {
	name: string;
	description: string;
	/** Absolute path of the node binary the daemon ends up as (after the wrapper's exec), for pidfile checks. */
	node: string;
	/** What start runs, as the packaged scripts do: the init wrapper or start script, and its arguments. */
	startAs: string[];
	logFile: string;
	/** Sourced (with allexport) before start, as Marathon 1.5+'s script does with /etc/default/marathon. */
	environmentFile?: string;
};

/**
 * A Debian sysv init script in the shape of the real ones (LSB header, start-stop-daemon,
 * pidfile under /run): `start` returns as soon as the daemon is forked, so a daemon that refuses
 * its configuration is only seen by a health probe and in the log file, as with the real packages.
 */
export function sysvInitScript(options: InitScriptOptions): string {
	const {name, description, node, startAs, logFile, environmentFile} = options;
	const [program = '', ...programArgs] = startAs;
	const loadEnvironment = environmentFile
		? `\n\t[ -r ${environmentFile} ] && { set -a; . ${environmentFile}; set +a; }`
		: '';
	return `#!/bin/sh
### BEGIN INIT INFO
# Provides:          ${name}
# Required-Start:    $remote_fs $network
# Required-Stop:     $remote_fs $network
# Should-Start:      zookeeper
# Default-Start:     2 3 4 5
# Default-Stop:      0 1 6
# Short-Description: ${description}
# Description:       ${description} (a stand-in built by the mesos-setup lab)
### END INIT INFO

NAME=${name}
DESC="${description}"
DAEMON=${node}
PROGRAM=${program}
PIDFILE=/run/$NAME.pid
LOGFILE=${logFile}
SCRIPTNAME=/etc/init.d/$NAME

# Removed but not purged: nothing to run.
[ -x "$PROGRAM" ] || exit 0

. /lib/lsb/init-functions

do_start() {
	mkdir -p "$(dirname "$LOGFILE")"
	start-stop-daemon --start --quiet --pidfile "$PIDFILE" --exec "$DAEMON" --test >/dev/null || return 1${loadEnvironment}
	# The program execs the daemon in the end, so the pidfile's PID is the daemon's.
	start-stop-daemon --start --quiet --background --make-pidfile --pidfile "$PIDFILE" \\
		--output "$LOGFILE" --exec "$DAEMON" --startas "$PROGRAM"${programArgs.length > 0 ? ` -- ${programArgs.join(' ')}` : ''} || return 2
}

do_stop() {
	start-stop-daemon --stop --quiet --retry=TERM/10/KILL/5 --pidfile "$PIDFILE" --exec "$DAEMON"
	RETVAL=$?
	[ "$RETVAL" = 2 ] && return 2
	rm -f "$PIDFILE"
	return "$RETVAL"
}

case "$1" in
	start)
		log_daemon_msg "Starting $DESC" "$NAME"
		do_start
		case "$?" in
			0|1) log_end_msg 0 ;;
			*) log_end_msg 1; exit 1 ;;
		esac
		;;
	stop)
		log_daemon_msg "Stopping $DESC" "$NAME"
		do_stop
		case "$?" in
			0|1) log_end_msg 0 ;;
			*) log_end_msg 1; exit 1 ;;
		esac
		;;
	status)
		status_of_proc -p "$PIDFILE" "$DAEMON" "$NAME" && exit 0 || exit $?
		;;
	restart|force-reload)
		log_daemon_msg "Restarting $DESC" "$NAME"
		do_stop
		case "$?" in
			0|1)
				do_start
				case "$?" in
					0) log_end_msg 0 ;;
					*) log_end_msg 1; exit 1 ;;
				esac
				;;
			*) log_end_msg 1; exit 1 ;;
		esac
		;;
	*)
		echo "Usage: $SCRIPTNAME {start|stop|status|restart|force-reload}" >&2
		exit 3
		;;
esac

:
`;
}
