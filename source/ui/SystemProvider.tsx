// The System reaches every screen through context: screens never import fs, child_process or
// execa; they ask useSystem() for the filesystem, the commands, the probes and the saved state.
import React, {createContext, type ReactNode, useContext} from 'react';
import type {System} from '../system/system.js';

const SystemContext = createContext<System | undefined>(undefined);

export function SystemProvider({system, children}: {system: System; children: ReactNode}) {
	return <SystemContext.Provider value={system}>{children}</SystemContext.Provider>;
}

export function useSystem(): System {
	const system = useContext(SystemContext);
	if (!system) throw new Error('useSystem() needs a <SystemProvider> above it (renderApp and the tests provide one)');
	return system;
}
