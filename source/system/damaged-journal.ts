// A run journal that cannot be read or trusted: what to put back cannot be known, so nothing is
// changed, and the person is told which journal and how to go on without it.
import {StepError} from '../model/errors.js';

export class DamagedJournalError extends StepError {
	constructor(readonly damaged: {file: string; problems: string[]}[]) {
		super(
			`${damaged.length === 1 ? 'a run journal is' : `${damaged.length} run journals are`} damaged, so what to put back cannot be known: ${damaged.map(d => `${d.file} (${d.problems.slice(0, 3).join('; ')}${d.problems.length > 3 ? '; …' : ''})`).join(', ')}`,
			[
				'Nothing was changed.',
				'Put the journal back from a copy, or move its run folder aside (mv it out of /var/backups/mesos-setup) to go on without that run.',
			],
		);
		this.name = 'DamagedJournalError';
	}
}
