// A page's actions with what became of each: waiting, running (spinner), or the outcome.
import {Box, Text} from 'ink';
import Spinner from 'ink-spinner';
import React from 'react';
import {outcomeLook, type RunView} from '../components/run/run-view.js';

export function ActionList({view}: {view: RunView}) {
	return (
		<Box flexDirection="column">
			{view.actions.map((item, index) => {
				const look = outcomeLook[item.state];
				// Skipped checks say their title again in the message; it is shown once.
				const message = item.message?.startsWith(item.action.title) ? item.message.slice(item.action.title.length).trim() : item.message;
				return (
					<Text key={index} wrap="truncate-end" dimColor={item.state === 'waiting'}>
						<Text color={look.color}>{item.state === 'running' ? <Spinner type="dots" /> : look.mark}</Text> {item.action.title}
						{message && item.state !== 'running' ? <Text dimColor>{/^[(:]/.test(message) ? ' ' : ': '}{message}</Text> : null}
					</Text>
				);
			})}
		</Box>
	);
}
