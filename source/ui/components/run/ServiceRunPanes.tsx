// One ServicePane per service in a run of restarts: state, output, health probe against its
// deadline, and the log tail when it failed. Keeps within `height` rows.
import {Box} from 'ink';
import {ServicePane} from '../service-pane/service-pane.js';
import {type RunView, serviceState} from './run-view.js';
import type {StepOutput} from './step-output.js';

export function ServiceRunPanes({view, output, height}: {view: RunView; output: StepOutput; height: number}) {
	const services = view.actions.filter(item => item.action.kind === 'service');
	const failed = services.some(item => item.state === 'failed');
	// Each pane has a name line and a probe line; a failure's log tail takes what is left.
	const tailLines = failed ? Math.max(1, height - services.length * 3) : 0;
	const outputLines = Math.max(0, Math.floor((height - services.length * 2 - tailLines) / Math.max(services.length, 1)));
	return (
		<Box flexDirection="column">
			{view.actions.map((item, index) => {
				if (item.action.kind !== 'service') return null;
				return (
					<ServicePane
						key={item.action.service}
						name={item.action.service}
						state={serviceState(item)}
						{...(item.message ? {detail: item.message} : {})}
						{...(item.probe ? {probe: {...item.probe, tries: item.probeTries, deadlineSeconds: Math.round(item.action.deadlineMs / 1000)}} : {})}
						output={output.serviceOutput(index)}
						outputLines={outputLines}
						logTail={item.state === 'failed' ? (item.detail ?? []) : []}
						logTailLines={tailLines}
					/>
				);
			})}
		</Box>
	);
}
