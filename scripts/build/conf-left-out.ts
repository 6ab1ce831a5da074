// What conf imports for schemas (Ajv, ajv-formats) and migrations (semver), in the bundle
// (conf-without-schemas.ts says why they are left out). conf reaches them only when it is given a
// schema or migrations, which mesos-setup never does: should a change ever give it one, the store
// refuses at once, saying why, instead of saving answers unchecked.
const leftOut = (what: string): Error =>
	new Error(`conf's ${what} is not in mesos-setup's bundle (scripts/build/conf-without-schemas.ts): give conf no schema and no migrations, or put it back in the build`);

// conf: `new Ajv2020(options)` for a schema.
export const Ajv2020 = function Ajv2020(): never {
	throw leftOut('schema checking (Ajv)');
};

// conf: `ajvFormats.default(ajv)` for a schema, and `semver.eq(…)`, `semver.satisfies(…)`, … for
// migrations: any member read of either is refused.
export default new Proxy(
	{},
	{
		get(_target, name) {
			throw leftOut(name === 'default' ? 'schema checking (ajv-formats)' : `migrations (semver.${String(name)})`);
		},
	},
);
