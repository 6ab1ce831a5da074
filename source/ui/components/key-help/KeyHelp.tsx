// The one line at the bottom that says which keys do what on this screen.
import {Text} from 'ink';
import React from 'react';

export type KeyHint = {key: string; does: string};

export function KeyHelp({keys}: {keys: readonly KeyHint[]}) {
	return (
		<Text wrap="truncate-end">
			{keys.map((hint, index) => (
				<Text key={hint.key}>
					{index > 0 ? <Text dimColor> · </Text> : null}
					<Text bold>{hint.key}</Text>
					<Text dimColor> {hint.does}</Text>
				</Text>
			))}
		</Text>
	);
}
