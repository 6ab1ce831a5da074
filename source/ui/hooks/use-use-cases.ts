// The use cases bound to the System the screens were given (UseCasesProvider).
import {useContext} from 'react';
import type {UseCases} from '../../use-cases/use-cases.js';
import {UseCasesContext} from '../UseCasesProvider.js';

export function useUseCases(): UseCases {
	const useCases = useContext(UseCasesContext);
	if (!useCases) throw new Error('useUseCases() needs a <UseCasesProvider> above it (renderApp and the tests provide one)');
	return useCases;
}
