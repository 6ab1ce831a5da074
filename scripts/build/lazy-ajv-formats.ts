// conf reads `ajvFormats.default` only when it builds an Ajv for a schema (conf-loads-lazily.ts).
import type formatsPlugin from 'ajv-formats';

const lazyFormats = {
	get default(): typeof formatsPlugin {
		// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, on purpose
		return (require('ajv-formats') as {default: typeof formatsPlugin}).default;
	},
};

export default lazyFormats;
