// The output lines of one page's run, kept outside React: every line in one LogBuffer for the
// log pane, a small buffer per service for its pane, and apt's progress per apt command.
import {type AptProgress, noAptProgress, readAptLine} from '../../../model/apt-progress.js';
import type {Action} from '../../../model/plan.js';
import {LogBuffer} from '../log-pane/log-buffer.js';

export class StepOutput {
	readonly all = new LogBuffer(500);
	private readonly services = new Map<number, LogBuffer>();
	private readonly apt = new Map<number, AptProgress>();

	line(index: number, action: Action, line: string, stream: 'stdout' | 'stderr'): void {
		this.all.push(line, stream);
		if (action.kind === 'service') this.serviceOutput(index).push(line, stream);
		if (action.kind === 'run' && action.progress === 'apt') this.apt.set(index, readAptLine(this.apt.get(index) ?? noAptProgress, line));
	}

	serviceOutput(index: number): LogBuffer {
		let buffer = this.services.get(index);
		if (!buffer) {
			buffer = new LogBuffer(50);
			this.services.set(index, buffer);
		}
		return buffer;
	}

	aptProgress(index: number): AptProgress | undefined {
		return this.apt.get(index);
	}

	flush(): void {
		this.all.flush();
		for (const buffer of this.services.values()) buffer.flush();
	}
}
