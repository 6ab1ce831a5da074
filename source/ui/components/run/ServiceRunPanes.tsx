// One ServicePane per service in a run of restarts: state, output, health probe against its
// deadline, and the log tail when it failed. Keeps within `height` rows: each pane's outcome and
// probe (wrapped to `width`) first, then the failure's log tail, then the output share the rest.
import {Box} from 'ink';
import {ServicePane, servicePaneRows} from '../service-pane/ServicePane.js';
import {type ActionView, type RunView, serviceState} from './run-view.js';
import type {StepOutput} from './step-output.js';

const paneText = (item: ActionView, service: string) => ({
	name: service,
	state: serviceState(item),
	...(item.message ? {detail: item.message} : {}),
	...(item.probe && item.action.kind === 'service' ? {probe: {...item.probe, tries: item.probeTries, deadlineSeconds: Math.round(item.action.deadlineMs / 1000)}} : {}),
});

export function ServiceRunPanes({view, output, height, width}: {view: RunView; output: StepOutput; height: number; width: number}) {
	const services = view.actions.flatMap(item => (item.action.kind === 'service' ? [{item, text: paneText(item, item.action.service)}] : []));
	const failed = services.some(({item}) => item.state === 'failed');
	const fixed = services.reduce((sum, {text}) => sum + servicePaneRows(text, width), 0);
	// A failure's log tail takes what is left after one row of output per pane.
	const tailLines = failed ? Math.max(1, height - fixed - services.length) : 0;
	const outputLines = Math.max(0, Math.floor((height - fixed - tailLines) / Math.max(services.length, 1)));
	return (
		<Box flexDirection="column">
			{view.actions.map((item, index) => {
				if (item.action.kind !== 'service') return null;
				return (
					<ServicePane
						key={item.action.service}
						{...paneText(item, item.action.service)}
						output={output.serviceOutput(index)}
						outputLines={outputLines}
						logTail={item.state === 'failed' ? (item.detail ?? []) : []}
						logTailLines={tailLines}
						width={width}
					/>
				);
			})}
		</Box>
	);
}
