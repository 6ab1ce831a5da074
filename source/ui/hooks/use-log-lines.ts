// The last lines of a LogBuffer, re-read only when the buffer flushes (at most 30 times a second).
import {useSyncExternalStore} from 'react';
import type {LogBuffer, LogLine} from '../components/log-pane/log-buffer.js';

export function useLogLines(buffer: LogBuffer, count: number): LogLine[] {
	useSyncExternalStore(buffer.subscribe, buffer.version);
	return buffer.tail(count);
}
