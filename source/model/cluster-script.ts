// `cluster plan --script`: every node's script (script.ts) in one file that runs one node's part,
// named on its command line, and only on that node. Printed one after the other they ran into each
// other: `bash cluster.sh` on the first master ran every node's part there, the agents' too.
import {quorumOf} from './cluster.js';
import type {NodePlan} from './cluster-plan.js';
import {runsMaster} from './roles.js';
import {renderScript, shellQuote} from './script.js';

// A bash function name for a node's part.
const partName = (name: string): string => `node_${name.replace(/[^A-Za-z0-9_]/g, '_')}`;

// Refuses a part on a machine that does not have the node's address (hostname -I: Debian's and
// Ubuntu's hostname, an essential package), unless ROOT rehearses it in a folder.
const onItsNode = (plan: NodePlan): string => {
	const {name, address} = plan.node;
	return `  if [ -z "\${ROOT:-}" ] && ! hostname -I 2>/dev/null | tr ' ' '\\n' | grep -qxF ${shellQuote(address)}; then
    echo ${shellQuote(`this is the part of ${name}, which has the address ${address}; this machine does not: run it on ${name}`)} >&2
    exit 1
  fi`;
};

// What a person needs to know to run the parts in the deploy's order (model/cluster-plan.ts's stages):
// each master's ZooKeeper waits up to a minute for the ensemble's quorum, which one master alone
// of several cannot make.
function orderNote(plans: readonly NodePlan[]): string[] {
	const nodes = plans.map(plan => plan.node);
	const masters = nodes.filter(node => runsMaster(node.role));
	const agents = nodes.filter(node => !runsMaster(node.role));
	const lines = ['# Run each part on its node, as root: bash THIS_FILE NODE. ROOT=DIR bash THIS_FILE NODE rehearses it in DIR.'];
	if (masters.length > 1) {
		lines.push(`# The masters' parts together (${masters.map(node => node.name).join(', ')}): each one's ZooKeeper waits up to 60 s for ${quorumOf(masters.length)} of the ${masters.length} masters to form the ensemble.`);
	}
	if (agents.length > 0) lines.push(`# Then the agents' (${agents.map(node => node.name).join(', ')}), once the masters answer.`);
	return lines;
}

export function renderClusterScript(plans: readonly NodePlan[]): string {
	const names = plans.map(plan => plan.node.name);
	const out = ['#!/usr/bin/env bash', '# Made by mesos-setup cluster plan --script: every node\'s part of the deploy, to run by hand.', ...orderNote(plans), ''];
	for (const plan of plans) {
		out.push(`# ===== node ${plan.node.name} (${plan.node.role}, ${plan.node.address}) =====`);
		out.push(`${partName(plan.node.name)}() {`, onItsNode(plan));
		out.push(renderScript(plan.plan).replace(/\n$/, ''), '}', '');
	}
	out.push('case "${1:-}" in');
	for (const name of names) out.push(`  ${shellQuote(name)}) ${partName(name)} ;;`);
	// Node names are letters, digits and dashes (cluster-file.ts): safe in "".
	out.push(`  *) echo "name the node whose part to run: bash $0 NODE, NODE one of ${names.join(', ')}" >&2; exit 2 ;;`);
	out.push('esac');
	return `${out.join('\n')}\n`;
}
