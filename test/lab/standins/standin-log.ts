/** One line per event on stdout; the init script sends stdout to the service's log file. */
export function createLog(name: string) {
	const line = (level: string, message: string) => {
		process.stdout.write(`${new Date().toISOString()} ${level} ${name}[${process.pid}]: ${message}\n`);
	};
	return {
		info: (message: string) => line('I', message),
		warn: (message: string) => line('W', message),
		error: (message: string) => line('E', message),
	};
}

export type Log = ReturnType<typeof createLog>;
