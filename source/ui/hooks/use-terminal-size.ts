// The terminal's size, updated on resize, so screens can keep the live area shorter than the
// terminal (Ink clears the whole screen when a frame is as tall as it) and re-lay out.
import {useStdout} from 'ink';
import {useEffect, useState} from 'react';

export type TerminalSize = {rows: number; columns: number};

// Tests render into a stream with no size; a common terminal is assumed there.
const fallback: TerminalSize = {rows: 40, columns: 100};

export function useTerminalSize(): TerminalSize {
	const {stdout} = useStdout();
	const [size, setSize] = useState<TerminalSize>(() => ({rows: stdout.rows || fallback.rows, columns: stdout.columns || fallback.columns}));
	useEffect(() => {
		const update = () => setSize({rows: stdout.rows || fallback.rows, columns: stdout.columns || fallback.columns});
		stdout.on('resize', update);
		return () => {
			stdout.off('resize', update);
		};
	}, [stdout]);
	return size;
}
