// The skip rule itself, on any machine: where the lab cannot run it says why, and CI=true never skips.
import {afterEach, describe, expect, it, vi} from 'vitest';
import {describeLab, labUnavailableReason} from './require-lab.js';

// process.getuid is optional in Node's types (absent on Windows); here it exists.
const notRoot = () => vi.spyOn(process as unknown as {getuid: () => number}, 'getuid').mockReturnValue(1000);

describe('the lab\'s skip rule', () => {
	afterEach(() => {
		vi.restoreAllMocks();
		vi.unstubAllEnvs();
	});

	it('names root as the reason when not root', () => {
		notRoot();
		expect(labUnavailableReason()).toMatch(/needs root/);
	});

	it('prints the reason and skips outside CI', () => {
		notRoot();
		vi.stubEnv('CI', 'false');
		const printed = vi.spyOn(console, 'log').mockImplementation(() => undefined);
		describeLab('a lab suite', () => undefined);
		expect(printed).toHaveBeenCalledWith(expect.stringMatching(/^skipping "a lab suite": the lab needs root/));
	});

	it('fails instead of skipping under CI=true', () => {
		notRoot();
		vi.stubEnv('CI', 'true');
		expect(() => describeLab('a lab suite', () => undefined)).toThrow(/CI=true but the lab needs root/);
	});
});
