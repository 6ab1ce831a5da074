// The use cases reach every screen through context, bound to the System the command line built
// (or, for a test, to one over a temp root, or replaced outright). Screens call them through
// useUseCases (hooks/use-use-cases.ts) and render their events; they never carry out a plan, keep
// a journal or save state themselves.
import React, {createContext, type ReactNode, useMemo} from 'react';
import type {System} from '../system/system.js';
import {createUseCases, type UseCases} from '../use-cases/use-cases.js';
import {SystemProvider} from './SystemProvider.js';

export const UseCasesContext = createContext<UseCases | undefined>(undefined);

// The System and its use cases, for everything below.
export function UseCasesProvider({system, useCases, children}: {system: System; useCases?: UseCases; children: ReactNode}) {
	const bound = useMemo(() => useCases ?? createUseCases(system), [system, useCases]);
	return (
		<SystemProvider system={system}>
			<UseCasesContext.Provider value={bound}>{children}</UseCasesContext.Provider>
		</SystemProvider>
	);
}
