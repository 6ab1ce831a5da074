import {defineConfig} from 'vitest/config';

// Two projects: everything that works in temp roots runs in parallel; the lab changes the real
// machine (apt, /etc, services on fixed ports), so its files run one at a time. The Debian
// package's test runs with them: it installs the package over an overlay of the live / (and
// holds the lab's machine lock meanwhile).
export default defineConfig({
	test: {
		projects: [
			{
				test: {
					name: 'unit',
					include: ['test/**/*.test.{ts,tsx}'],
					exclude: ['test/lab/**', 'test/package/**/*.e2e.test.ts', 'node_modules/**'],
					testTimeout: 60_000,
					hookTimeout: 60_000,
				},
			},
			{
				test: {
					name: 'lab',
					include: ['test/lab/**/*.test.ts', 'test/package/**/*.e2e.test.ts'],
					// One fork: its files run one after another (the lab also holds a machine lock).
					pool: 'forks',
					poolOptions: {forks: {singleFork: true}},
					testTimeout: 900_000,
					hookTimeout: 900_000,
				},
			},
		],
	},
});
