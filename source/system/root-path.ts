// Where a target path (/etc/mesos/zk) lives on this host, resolved part by part inside the root as
// a chroot would: a link is followed, but an absolute link starts again at the root and `..`
// stops at it, so no link the root holds, at any depth, leads outside it. On the real machine
// (root /) this is the kernel's own resolution.
import {lstatSync, readlinkSync, realpathSync, statSync} from 'node:fs';
import path from 'node:path';
import {InputError} from '../model/errors.js';
import {show} from '../model/shown-value.js';

export type Resolved = {
	// The path as the target machine sees it, every link followed: /etc/zookeeper/conf/myid.
	target: string;
	// The same file on this host: root + target.
	host: string;
	// Some part of it did not exist when it was resolved (the file, or a folder above it).
	missing?: true;
};

// Linux gives up after 40 links in one path (ELOOP); so does this.
const maxLinks = 40;

// The errno code of a failed file call (ENOENT, …), or undefined for any other error.
export const codeOf = (error: unknown): string | undefined => (error as NodeJS.ErrnoException | undefined)?.code;

export class LinkLoopError extends Error {
	constructor(target: string, at: string) {
		super(`${target}: more than ${maxLinks} symbolic links (a loop at ${at}?); remove or fix the link`);
		this.name = 'LinkLoopError';
	}
}

// The root itself, with its own links followed (it is the person's choice of folder): the real
// path of its nearest existing ancestor, then the parts that do not exist yet.
export function canonicalRoot(root: string): string {
	const missing: string[] = [];
	let dir = path.resolve(root);
	for (;;) {
		try {
			return path.join(realpathSync(dir), ...missing);
		} catch (error) {
			const code = codeOf(error);
			if ((code !== 'ENOENT' && code !== 'ENOTDIR') || dir === '/') throw error;
			missing.unshift(path.basename(dir));
			dir = path.dirname(dir);
		}
	}
}

// A target path as path.resolve('/', target) makes it. One that is absolute with no empty, '.' or
// '..' part and no trailing slash is that already (the catalogue's paths are), and is taken as it is:
// hundreds are asked a setup.
const needsResolving = /\/\.{0,2}(?:\/|$)/;
export const normalTarget = (target: string): string => (target.startsWith('/') && !needsResolving.test(target) ? target : path.resolve('/', target));

// `target` absolute and normalized (no '.', '..' or '//'), as resolveInRoot makes it: joined as
// text, without path.join normalizing it again (thousands of calls a setup).
export function hostOf(base: string, target: string): string {
	return base === '/' ? target : base + target;
}

// `base` must be canonical (canonicalRoot). Parts that do not exist are taken as they are; a part
// under one that does not exist cannot be a link, and a later `..` is checked again from there.
export function resolveInRoot(base: string, target: string): Resolved {
	const done: string[] = [];
	// `done` as a path ('' for the root), kept as parts come and go rather than joined each time.
	let at = '';
	// The parts still to walk, the next one last.
	const queue = partsOf(target).reverse();
	let links = 0;
	// How many parts of `done` exist: the parts after the first missing one are not looked at (the
	// live status screen resolves every setting file and log every 2 s, most of them missing in a
	// sandbox, and a failed lstat costs an exception).
	let existing = 0;
	while (queue.length > 0) {
		const part = queue.pop() as string;
		if (part === '..') {
			// at the root, .. is the root, as in a chroot
			if (done.pop() !== undefined) at = at.slice(0, at.lastIndexOf('/'));
			existing = Math.min(existing, done.length);
			continue;
		}
		const next = `${at}/${part}`;
		if (existing < done.length) {
			done.push(part);
			at = next;
			continue;
		}
		const host = hostOf(base, next);
		let info;
		try {
			info = lstatSync(host, {throwIfNoEntry: false});
		} catch (error) {
			if (codeOf(error) !== 'ENOTDIR') throw error;
		}
		if (!info?.isSymbolicLink()) {
			done.push(part);
			at = next;
			if (info) existing = done.length;
			continue;
		}
		if (++links > maxLinks) throw new LinkLoopError(target, next);
		const link = readlinkSync(host);
		if (link.startsWith('/')) {
			done.length = 0;
			at = '';
			existing = 0;
		}
		queue.push(...partsOf(link).reverse());
	}
	const resolved = at || '/';
	return {target: resolved, host: hostOf(base, resolved), ...(existing < done.length ? {missing: true} : {})};
}

const partsOf = (text: string): string[] => text.split('/').filter(part => part !== '' && part !== '.');

// A --root folder as a sandbox: its real path, refused (bad input) when that is / itself (then it
// would read and write the real /etc) or when a file stands where the folder should be.
export function sandboxRoot(given: string): string {
	const real = canonicalRoot(given);
	const allowed = 'give a folder (it is made if missing), such as --root ./mesos-rehearsal';
	if (real === '/') {
		throw new InputError([`--root ${show(given)} is / itself (the real machine), so it is no sandbox: leave --root out to set up this machine (as root), or ${allowed}.`]);
	}
	for (let dir = real; ; dir = path.dirname(dir)) {
		let isDir: boolean;
		try {
			isDir = statSync(dir).isDirectory();
		} catch (error) {
			if ((codeOf(error) === 'ENOENT' || codeOf(error) === 'ENOTDIR') && dir !== '/') continue;
			throw error;
		}
		if (!isDir) throw new InputError([`--root ${show(given)} ${dir === real ? 'is a file' : `is inside ${dir}, which is a file`}, not a folder: ${allowed}.`]);
		return real;
	}
}
