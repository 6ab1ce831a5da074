import {defineConfig} from 'vitest/config';
import {unitProcessMark} from './test/helpers/unit-process-mark.js';

// The lab's files run beside the unit files: the lab's time is mostly waiting (JVMs, elections, SSH),
// so the whole run takes about as long as the lab alone. How vitest 3.2 gets there: projects of one
// sequence.groupOrder run together, each pool's files at once; in one pool a single-worker project
// waits for the other project's files, so the lab is the only project in the threads pool.
// - unit: temp roots, fixtures on ports the kernel picks; two forks (the lab's waits leave room),
//   at a lower CPU priority than the lab's (test/helpers/beside-the-lab.ts), whose files are the
//   longest path: where both want a core, the lab's get it.
//   Its processes carry a mark (test/helpers/unit-process-mark.ts), so a lab test that looks for
//   what a stopped run left (apt-at-rest.ts) tells them from the lab's own.
// - unit-alone (groupOrder 0, before the rest): unit files that read what the lab changes on this
//   machine and cannot hold it still (the preflight's real ports at 80×24, where three more warnings
//   change the screen). Each one is named here with why.
// - lab: changes the real machine (apt, /etc, services on fixed ports): one file after another in
//   one thread, each also holding the machine lock. The Debian package's test runs with them: it
//   installs the package over an overlay of the live / (and holds the lab's lock meanwhile).
const alone = ['test/wizard/rehearsal-checks.test.tsx'];

export default defineConfig({
	test: {
		poolOptions: {forks: {maxForks: 2, minForks: 1}},
		projects: [
			{
				test: {
					name: 'unit-alone',
					include: alone,
					pool: 'forks',
					sequence: {groupOrder: 0},
					testTimeout: 60_000,
					hookTimeout: 60_000,
				},
			},
			{
				test: {
					name: 'unit',
					include: ['test/**/*.test.{ts,tsx}'],
					exclude: ['test/lab/**', 'test/package/**/*.e2e.test.ts', 'node_modules/**', ...alone],
					pool: 'forks',
					env: {[unitProcessMark.name]: unitProcessMark.value},
					setupFiles: ['test/helpers/beside-the-lab.ts'],
					sequence: {groupOrder: 1},
					testTimeout: 60_000,
					hookTimeout: 60_000,
				},
			},
			{
				test: {
					name: 'lab',
					include: ['test/lab/**/*.test.ts', 'test/package/**/*.e2e.test.ts'],
					pool: 'threads',
					poolOptions: {threads: {singleThread: true}},
					sequence: {groupOrder: 1},
					testTimeout: 900_000,
					hookTimeout: 900_000,
				},
			},
		],
	},
});
