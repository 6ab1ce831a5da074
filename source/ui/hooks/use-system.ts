// The System the screens were given (SystemProvider, which UseCasesProvider sets up).
import {useContext} from 'react';
import type {System} from '../../system/system.js';
import {SystemContext} from '../SystemProvider.js';

export function useSystem(): System {
	const system = useContext(SystemContext);
	if (!system) throw new Error('useSystem() needs a <SystemProvider> above it (renderApp and the tests provide one)');
	return system;
}
