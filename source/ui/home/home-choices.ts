// What the home menu offers, in order, with what each does; the labels follow whether a setup is
// done here (after its undo, "Run the setup", not "again").
export type HomeChoice = 'status' | 'edit' | 'setup' | 'undo' | 'quit';

export type HomeItem = {value: HomeChoice; label: string; hint: string};

export function homeChoices(setUp: boolean): HomeItem[] {
	return [
		{value: 'status', label: 'Status', hint: 'live panes per service and the cluster summary'},
		{value: 'edit', label: 'Edit a setting', hint: 'change one value, preview the file, restart only what it affects'},
		setUp
			? {value: 'setup', label: 'Run the full setup again', hint: 'the wizard, starting from your saved answers'}
			: {value: 'setup', label: 'Run the setup', hint: 'the wizard: nothing set up by mesos-setup is left here'},
		{value: 'undo', label: 'Undo the last change', hint: 'put back the files the last run changed, from its backups'},
		{value: 'quit', label: 'Quit', hint: ''},
	];
}
