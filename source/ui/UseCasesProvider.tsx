// The use cases reach every screen through context, bound to the System the command line built
// (or, for a test, to one over a temp root, or replaced outright). Screens call them and render
// their events; they never carry out a plan, keep a journal or save state themselves.
import React, {createContext, type ReactNode, useContext, useMemo} from 'react';
import type {System} from '../system/system.js';
import {createUseCases, type UseCases} from '../use-cases/use-cases.js';
import {SystemProvider} from './SystemProvider.js';

const UseCasesContext = createContext<UseCases | undefined>(undefined);

// The System and its use cases, for everything below.
export function UseCasesProvider({system, useCases, children}: {system: System; useCases?: UseCases; children: ReactNode}) {
	const bound = useMemo(() => useCases ?? createUseCases(system), [system, useCases]);
	return (
		<SystemProvider system={system}>
			<UseCasesContext.Provider value={bound}>{children}</UseCasesContext.Provider>
		</SystemProvider>
	);
}

export function useUseCases(): UseCases {
	const useCases = useContext(UseCasesContext);
	if (!useCases) throw new Error('useUseCases() needs a <UseCasesProvider> above it (renderApp and the tests provide one)');
	return useCases;
}
