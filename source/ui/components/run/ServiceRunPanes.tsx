// One ServicePane per service in a run of restarts: state, output, health probe against its
// deadline, and the log tail when it failed. Keeps within `height` rows: each pane's outcome and
// probe (wrapped to `width`) first, then the failure's log tail, then the output share the rest.
import {Box, Text} from 'ink';
import {ServicePane, servicePaneRows} from '../service-pane/ServicePane.js';
import {type ActionView, type RunView, serviceState, sharedReason} from './run-view.js';
import type {StepOutput} from './step-output.js';

type ServiceAction = Extract<ActionView['action'], {kind: 'service'}>;

const paneText = (item: ActionView, action: ServiceAction, message: string | undefined) => ({
	name: action.service,
	state: serviceState(item),
	...(message ? {detail: message} : {}),
	...(item.probe ? {probe: {...item.probe, tries: item.probeTries, deadlineSeconds: Math.round(action.deadlineMs / 1000)}} : {}),
});

export function ServiceRunPanes({view, output, height, width}: {view: RunView; output: StepOutput; height: number; width: number}) {
	// Each service with its place in the run (its output is kept by that index).
	const items = view.actions.flatMap((item, index) => (item.action.kind === 'service' ? [{item, action: item.action, index}] : []));
	// A reason every pane shares (a rehearsal runs no service) is said once above them, not in each.
	const shared = sharedReason(items.map(({item}) => item.message));
	const services = items.map(({item, action, index}, at) => ({item, action, index, text: paneText(item, action, shared.messages[at])}));
	const failed = services.some(({item}) => item.state === 'failed');
	const fixed = services.reduce((sum, {text}) => sum + servicePaneRows(text, width), shared.reason ? 1 : 0);
	// A failure's log tail takes what is left after one row of output per pane.
	const tailLines = failed ? Math.max(1, height - fixed - services.length) : 0;
	const outputLines = Math.max(0, Math.floor((height - fixed - tailLines) / Math.max(services.length, 1)));
	return (
		<Box flexDirection="column">
			{shared.reason ? <Text dimColor wrap="truncate-end">{`Every service: ${shared.reason}.`}</Text> : null}
			{services.map(({item, action, index, text}) => (
				<ServicePane
					key={action.service}
					{...text}
					output={output.serviceOutput(index)}
					outputLines={outputLines}
					logTail={item.state === 'failed' ? (item.detail ?? []) : []}
					logTailLines={tailLines}
					width={width}
				/>
			))}
		</Box>
	);
}
