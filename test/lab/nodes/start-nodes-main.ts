// Starts a lab of several machines by hand and keeps it until Ctrl-C (or SIGTERM), as root:
//   npx tsx test/lab/nodes/start-nodes-main.ts m1=10.77.0.11 s1=10.77.0.12:systemd
// Prints how to reach each machine. The nodes test also runs it and kills it with SIGKILL, to prove
// that the next startNodes sweeps what a killed run left.
import {startNodes, type NodeSpec} from './lab-nodes.js';
import {namespaceOf} from './lab-network.js';

const specs: NodeSpec[] = process.argv.slice(2).map(argument => {
	const match = /^([^=]+)=([\d.]+)(?::(sysv|systemd))?$/.exec(argument);
	if (!match) {
		process.stderr.write(`'${argument}' is not NAME=ADDRESS[:sysv|:systemd], e.g. m1=10.77.0.11 or s1=10.77.0.12:systemd\n`);
		process.exit(2);
	}
	return {name: match[1] ?? '', address: match[2] ?? '', init: (match[3] ?? 'sysv') as NodeSpec['init']};
});

const lab = await startNodes(specs);
const stop = async () => {
	await lab.stop();
	process.exit(0);
};
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
process.stdout.write(`lab started (pid ${process.pid}); repository ${lab.repoUrl}, key server ${lab.keyserver}\n`);
for (const machine of [lab.control, ...lab.nodes]) {
	process.stdout.write(`  ${machine.name} ${machine.address} ${machine.init}: nsenter -t ${machine.pid} -m -u -i -n -p -C   (network only: ip netns exec ${namespaceOf(machine.name)})\n`);
}
process.stdout.write('Ctrl-C stops it\n');
setInterval(() => undefined, 1 << 30);
