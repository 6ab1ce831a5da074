import {fileURLToPath} from 'node:url';
import {execa} from 'execa';

const script = fileURLToPath(new URL('install-prerequisites.sh', import.meta.url));

/** apt-get installs what the lab needs when missing (the list lives in install-prerequisites.sh). */
export async function installLabPrerequisites(): Promise<void> {
	const result = await execa('bash', [script], {reject: false, timeout: 600_000, all: true});
	if (result.exitCode !== 0) throw new Error(`lab prerequisites failed to install (${script}):\n${result.all}`);
}
