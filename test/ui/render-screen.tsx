// Renders one screen the way the app does: the System and its use cases in context, and the key
// router that hands every key to the screen shown, one at a time.
import {render} from 'ink-testing-library';
import React, {type ReactElement} from 'react';
import type {System} from '../../source/system/system.js';
import {KeyRouterProvider} from '../../source/ui/components/keys/KeyRouterProvider.js';
import {UseCasesProvider} from '../../source/ui/UseCasesProvider.js';
import type {UseCases} from '../../source/use-cases/use-cases.js';

export function renderScreen(system: System, screen: ReactElement, options: {useCases?: UseCases; onStop?: () => void} = {}) {
	return render(
		<UseCasesProvider system={system} {...(options.useCases ? {useCases: options.useCases} : {})}>
			<KeyRouterProvider onStop={() => options.onStop?.()}>{screen}</KeyRouterProvider>
		</UseCasesProvider>,
	);
}
