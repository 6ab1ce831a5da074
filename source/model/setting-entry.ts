// What one entry of the settings catalogue says, and how it says where its value is kept.
// `Setting` (settings.ts) is the same with its ids typed by the catalogue.
import type {Facts} from './facts.js';
import type {ServiceName} from './services.js';
import type {Location} from './storage.js';
import type {Validator} from './validate.js';

export type SettingEntry = {
	id: string;
	label: string;
	help: string;
	default: string;
	validate: Validator;
	// A fixed list of choices, shown as a select list instead of free text.
	choices?: readonly string[];
	restarts: readonly ServiceName[];
	// Follows another setting's value until a person sets it.
	derivedFrom?: string;
	// What it makes of that value, where it is not a copy (Marathon's state: the Mesos ZooKeeper
	// URL's hosts with /marathon); edit and the wizard take it along as they take a copy.
	derivedAs?: (leader: string) => string;
	// A default that depends on another setting's value (not a copy of it): `value` gives it, or
	// undefined for the plain default; `why` says so wherever that default is the value (the
	// file's note in the summary and plan, the setting's page). A value a person sets still wins.
	defaultBy?: DefaultBy;
	// Where the value lives on disk; undefined for installer settings kept only in the saved answers.
	location: (facts: Facts) => Location | undefined;
	// An empty value writes no file: one the article does not write, left to the service's default
	// (the master's advertised ip and host name on one machine).
	emptyWritesNothing?: true;
};

export type DefaultBy<Id extends string = string> = {setting: Id; value: (other: string) => string | undefined; why: string};

// The value is the whole file; the value is KEY=VALUE in a shell environment file.
export const whole = (path: string) => (): Location => ({path, storage: {kind: 'whole'}});
export const env = (path: string, key: string) => (): Location => ({path, storage: {kind: 'env', key}});
// Kept only in the saved answers: the installer reads it, no /etc file holds it.
export const savedOnly = (): undefined => undefined;
