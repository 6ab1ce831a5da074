import {defineConfig} from 'vitest/config';

// Two projects: everything that works in temp roots runs in parallel; the lab changes the real
// machine (apt, /etc, services on fixed ports), so its files run one at a time.
export default defineConfig({
	test: {
		projects: [
			{
				test: {
					name: 'unit',
					include: ['test/**/*.test.{ts,tsx}'],
					exclude: ['test/lab/**', 'node_modules/**'],
					testTimeout: 60_000,
					hookTimeout: 60_000,
				},
			},
			{
				test: {
					name: 'lab',
					include: ['test/lab/**/*.test.ts'],
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
