// The System reaches every screen through context: screens never import fs, child_process or
// execa; they ask useSystem() (hooks/use-system.ts) for the filesystem, the commands, the probes
// and the saved state.
import React, {createContext, type ReactNode} from 'react';
import type {System} from '../system/system.js';

export const SystemContext = createContext<System | undefined>(undefined);

export function SystemProvider({system, children}: {system: System; children: ReactNode}) {
	return <SystemContext.Provider value={system}>{children}</SystemContext.Provider>;
}
