import {readFile} from 'node:fs/promises';

/** The distribution and codename the installer puts in its source line (`lsb_release -is`, lowercased, and `-cs`). */
export type Distribution = {distro: string; codename: string};

export async function readDistribution(file = '/etc/os-release'): Promise<Distribution> {
	const text = await readFile(file, 'utf8');
	const field = (name: string) => new RegExp(`^${name}=(?:"([^"]*)"|(.*))$`, 'm').exec(text)?.slice(1).find(v => v !== undefined);
	const distro = field('ID')?.toLowerCase();
	const codename = field('VERSION_CODENAME');
	if (!distro || !codename) throw new Error(`${file} names no ID and VERSION_CODENAME`);
	return {distro, codename};
}
