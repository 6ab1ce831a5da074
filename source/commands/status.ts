// `mesos-setup status --once` and `--json`: one snapshot as plain lines or one JSON document.
// Exit 0 when every service is healthy, 1 otherwise; what does not answer is shown, never thrown.
// In a sandbox the probes still go to this machine's addresses, and both forms say so.
import {sandboxProbes} from '../model/action-preview.js';
import {stoppedExitCode} from '../model/errors.js';
import type {Answers} from '../model/answers.js';
import {allHealthy, statusJson, statusLines} from '../model/status-snapshot.js';
import type {System} from '../system/system.js';
import {type Endpoints, statusSnapshot} from '../use-cases/status.js';

export type StatusOnceOptions = {
	json: boolean;
	// The answers the command was given (saved, --answers, --set), as the live screen takes them:
	// the files on disk win over them; the saved ones when not given.
	answers?: Answers;
	out: (line: string) => void;
	// Where the services answer, when not where the settings say (tests use ephemeral ports).
	endpoints?: Partial<Endpoints>;
	signal?: AbortSignal;
};

export async function runStatusOnce(system: System, options: StatusOnceOptions): Promise<number> {
	const snapshot = await statusSnapshot(system, {
		...(options.answers ? {answers: options.answers} : {}),
		...(options.endpoints ? {endpoints: options.endpoints} : {}),
		logLines: 3,
		...(options.signal ? {signal: options.signal} : {}),
	});
	// Stopped (Ctrl+C) while the probes were out: what they said is not the services' state.
	if (options.signal?.aborted) return stoppedExitCode;
	if (options.json) {
		const sandbox = system.sandbox ? {sandbox: system.root, probing: sandboxProbes} : {};
		options.out(JSON.stringify({...statusJson(snapshot), ...sandbox}, null, 2));
	} else {
		if (system.sandbox) options.out(`Sandbox ${system.root}: probing ${sandboxProbes}.`);
		for (const line of statusLines(snapshot)) options.out(line);
	}
	return allHealthy(snapshot) ? 0 : 1;
}
