// What the running cluster says about itself, read the way a person's browser or curl would.

export type MasterState = {
	leader?: string;
	hostname: string;
	slaves: Array<{hostname: string; active: boolean; pid: string}>;
	frameworks: Array<{name: string; active: boolean}>;
};

export async function getJson<T>(url: string): Promise<T | undefined> {
	const response = await fetch(url, {signal: AbortSignal.timeout(3000)});
	return response.ok ? await response.json() as T : undefined;
}

export const masterState = (port = 5050) => getJson<MasterState>(`http://127.0.0.1:${port}/master/state`);

/** The master's state once the agent and Marathon have both registered, else undefined. */
export async function registeredCluster(): Promise<MasterState | undefined> {
	const state = await masterState();
	return state?.slaves.some(slave => slave.active) && state.frameworks.some(framework => framework.name === 'marathon' && framework.active) ? state : undefined;
}

export async function marathonPing(): Promise<string | undefined> {
	const response = await fetch('http://127.0.0.1:8080/ping', {signal: AbortSignal.timeout(3000)});
	return response.ok ? await response.text() : undefined;
}
