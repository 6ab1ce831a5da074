// The one line at the bottom that says which keys do what on this screen, shortened to the
// terminal's width where it does not fit (fit-hints.ts) rather than cut in the middle of a word.
import {Text} from 'ink';
import React from 'react';
import {useTerminalSize} from '../../hooks/use-terminal-size.js';
import {fitHints, hintSeparator, hintsLeftOut} from './fit-hints.js';

export type KeyHint = {key: string; does: string};

export function KeyHelp({keys}: {keys: readonly KeyHint[]}) {
	// The whole row, as Ink's own truncation had it.
	const {columns} = useTerminalSize();
	const fitted = fitHints(keys, columns);
	return (
		<Text wrap="truncate-end">
			{fitted.hints.map((hint, index) => (
				<Text key={hint.key}>
					{index > 0 ? <Text dimColor>{hintSeparator}</Text> : null}
					<Text bold>{hint.key}</Text>
					<Text dimColor> {hint.does}</Text>
				</Text>
			))}
			{fitted.cut ? <Text dimColor>{`${fitted.hints.length > 0 ? hintSeparator : ''}${hintsLeftOut}`}</Text> : null}
		</Text>
	);
}
