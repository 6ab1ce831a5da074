// A bar for a fraction from 0 to 1, with the percentage and what it counts.
import {Text} from 'ink';
import React from 'react';

export function ProgressBar({fraction, width, label}: {fraction: number; width: number; label?: string}) {
	const clamped = Math.min(Math.max(fraction, 0), 1);
	const filled = Math.round(clamped * width);
	return (
		<Text wrap="truncate-end">
			<Text color="cyan">{'█'.repeat(filled)}</Text>
			<Text dimColor>{'░'.repeat(width - filled)}</Text>
			<Text> {String(Math.floor(clamped * 100)).padStart(3)}%</Text>
			{label ? <Text dimColor> {label}</Text> : null}
		</Text>
	);
}
