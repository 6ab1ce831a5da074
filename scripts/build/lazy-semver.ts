// conf calls semver only to run migrations (conf-loads-lazily.ts): each function is looked up, and
// semver loaded, when conf first calls one.
type Semver = Record<string, unknown>;

let loaded: Semver | undefined;
// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, on purpose
const semver = (): Semver => (loaded ??= require('semver') as Semver);

export default new Proxy({} as Semver, {get: (_target, name) => semver()[name as string]});
