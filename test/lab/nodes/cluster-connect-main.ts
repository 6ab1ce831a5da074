// Run on the control machine by cluster-setup.e2e.test.ts (through onControl): the first thing a
// deploy in the screens does, every node reached by connectAll with a person's answers to an unknown
// host key given in order. Prints one line of JSON: what was asked, and the nodes reached or why not.
import type {HostKeyDecision, UnknownHostKey} from '../../../source/model/cluster-events.js';
import type {Cluster} from '../../../source/model/cluster.js';
import {StepError} from '../../../source/model/errors.js';
import {connectAll} from '../../../source/use-cases/cluster-connect.js';

type Request = {cluster: Cluster; decisions: HostKeyDecision[]};

const {cluster, decisions} = JSON.parse(process.argv[2] ?? '{}') as Request;
const asked: UnknownHostKey[] = [];
const ask = async (question: UnknownHostKey): Promise<HostKeyDecision> => {
	asked.push(question);
	const decision = decisions[asked.length - 1];
	if (!decision) throw new Error(`asked about ${question.node}, and no answer was given for it`);
	return decision;
};
try {
	const {sessions, systems} = await connectAll(cluster, ask);
	const reached = systems.map(system => ({node: system.node, distro: `${system.facts.distro} ${system.facts.codename}`}));
	await sessions.close();
	console.log(JSON.stringify({asked, reached}));
} catch (error) {
	console.log(JSON.stringify({asked, error: (error as Error).message, detail: error instanceof StepError ? error.detail : []}));
}
