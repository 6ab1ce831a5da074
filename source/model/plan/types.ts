// What a plan is made of: steps of actions. Each kind of action is carried out by
// system/apply-plan.ts and written as bash by model/script.ts.
import type {Values} from '../answers.js';
import type {Facts} from '../facts.js';
import type {ServiceName} from '../services.js';
import type {SettingId} from '../settings.js';
import type {FileEdit} from '../storage.js';

export type StepId = 'preflight' | 'key' | 'repository' | 'install' | 'overrides' | 'configuration' | 'start';

export type Probe = {kind: 'zookeeper'; host: string; port: number} | {kind: 'http'; url: string; expect: 'ok' | 'pong'};

export type Check =
	| {kind: 'root'}
	| {kind: 'apt'}
	| {kind: 'hosts-loopback'}
	| {kind: 'port-free'; port: number; owner: string}
	| {kind: 'disk'; path: string; minMegabytes: number}
	| {kind: 'command'; name: string; why: string}
	// `docker version` answers, client and server; `installs`: the install step adds docker.io.
	| {kind: 'docker'; installs: boolean}
	| {kind: 'reachable'; url: string; what: string}
	// The source's index: dists/<suite>/Release and <component>/binary-<arch>/Packages hold `packages`.
	| {kind: 'source-index'; where: string; dists: string; suite: string; codename: string; component: string; packages: string[]}
	// A folder of .deb files holds a mesos package (and says which of `packages` it lacks).
	| {kind: 'deb-folder'; path: string; packages: string[]};

// Where a signing key comes from: a key server (by its fingerprint), an https URL, or a file.
export type KeyFrom = {kind: 'keyserver'; keyserver: string} | {kind: 'url'; url: string} | {kind: 'file'; path: string};

export type Action =
	| {kind: 'check'; title: string; check: Check}
	// fingerprint '' (an apt source's key not pinned yet): the key is shown and never trusted.
	| {kind: 'import-key'; title: string; method: 'apt-key' | 'keyring'; from: KeyFrom; fingerprint: string; keyring: string}
	// A folder of .deb files copied to `path` and indexed there (Packages), for a file: apt source.
	| {kind: 'local-repository'; title: string; folder: string; path: string}
	| {kind: 'run'; title: string; argv: string[]; timeoutMs: number; env?: Record<string, string>; progress?: 'apt'}
	| {kind: 'file'; title: string; path: string; settings: SettingId[]; edit: FileEdit; mode: number; notes: string[]; restarts: ServiceName[]}
	| {
			kind: 'service';
			title: string;
			service: ServiceName;
			op: 'start' | 'restart';
			argv: string[];
			probe: Probe;
			deadlineMs: number;
			log: ServiceLog;
	  };

// Where a service's log is read: its unit's journal first (under systemd, for the packages' own
// units), then the first of its files that exists.
export type ServiceLog = {journal: ServiceName | null; files: string[]};

export type FileAction = Extract<Action, {kind: 'file'}>;

export type Step = {id: StepId; title: string; summary: string; actions: Action[]};

export type Plan = {steps: Step[]; facts: Facts; values: Values};

export const minutes = (n: number): number => n * 60_000;
