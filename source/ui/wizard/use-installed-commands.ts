// Whether some commands are installed on this machine, asked through the System (never on PATH
// directly): undefined while the answer is coming.
import {useEffect, useState} from 'react';
import {errorMessage} from '../../model/errors.js';
import {useSystem} from '../hooks/use-system.js';

export type Installed = {installed: boolean} | {error: string};

export function useInstalledCommands(names: readonly string[]): ReadonlyMap<string, Installed> {
	const system = useSystem();
	const [found, setFound] = useState<ReadonlyMap<string, Installed>>(new Map());
	const key = names.join('\n');
	useEffect(() => {
		let current = true;
		const asked = key.split('\n').filter(Boolean);
		Promise.all(
			asked.map(async (name): Promise<[string, Installed]> => {
				try {
					return [name, {installed: await system.commands.has(name)}];
				} catch (error) {
					return [name, {error: errorMessage(error)}];
				}
			}),
		).then(entries => {
			if (current) setFound(new Map(entries));
		});
		return () => {
			current = false;
		};
	}, [system, key]);
	return found;
}
