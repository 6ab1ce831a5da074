// conf's `new Ajv2020(options)`, with Ajv loaded only then (conf-loads-lazily.ts says why). In the
// bundle esbuild turns this require() into a call that evaluates the bundled Ajv at that moment.
import type {Ajv2020 as RealAjv} from 'ajv/dist/2020.js';

export const Ajv2020 = function Ajv2020(...args: ConstructorParameters<typeof RealAjv>): RealAjv {
	// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, on purpose
	const {Ajv2020: Real} = require('ajv/dist/2020.js') as {Ajv2020: typeof RealAjv};
	return new Real(...args);
} as unknown as typeof RealAjv;
