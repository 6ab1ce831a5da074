/** What one stand-in's /etc/init.d script needs to know. */
export type InitScriptOptions = {
	name: string;
	description: string;
	/** Absolute path of the node binary that runs the stand-in. */
	node: string;
	standin: string;
	logFile: string;
};

/**
 * A Debian sysv init script in the shape of the real ones (LSB header, start-stop-daemon,
 * pidfile under /run): `start` returns as soon as the daemon is forked, so a daemon that refuses
 * its configuration is only seen by a health probe and in the log file, as with the real packages.
 */
export function sysvInitScript(options: InitScriptOptions): string {
	const {name, description, node, standin, logFile} = options;
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
STANDIN=${standin}
PIDFILE=/run/$NAME.pid
LOGFILE=${logFile}
SCRIPTNAME=/etc/init.d/$NAME

# Removed but not purged: nothing to run.
[ -r "$STANDIN" ] || exit 0

. /lib/lsb/init-functions

do_start() {
	mkdir -p "$(dirname "$LOGFILE")"
	start-stop-daemon --start --quiet --pidfile "$PIDFILE" --exec "$DAEMON" --test >/dev/null || return 1
	start-stop-daemon --start --quiet --background --make-pidfile --pidfile "$PIDFILE" \\
		--output "$LOGFILE" --exec "$DAEMON" -- "$STANDIN" "$NAME" || return 2
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
