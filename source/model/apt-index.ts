// What a package source's index says, read before anything changes: the Release file of its suite
// (codename, components, architectures) and the Packages list of this machine's architecture, or
// the .deb files of a folder. Pure: system/source-index.ts fetches, this judges.

export type CheckVerdict = {status: 'passed' | 'warned' | 'failed'; message: string};

// A deb822 paragraph's fields (the Release file, or one package of Packages).
export function fieldsOf(paragraph: string): Map<string, string> {
	const fields = new Map<string, string>();
	for (const line of paragraph.split('\n')) {
		const match = /^([A-Za-z0-9-]+):\s*(.*)$/.exec(line);
		if (match) fields.set(match[1] ?? '', match[2] ?? '');
	}
	return fields;
}

// Every package of a Packages list, with its version (the highest given, as apt would pick: the last).
export function packagesIn(text: string): Map<string, string> {
	const found = new Map<string, string>();
	for (const paragraph of text.split(/\n\s*\n/)) {
		const fields = fieldsOf(paragraph);
		const name = fields.get('Package');
		if (name) found.set(name, fields.get('Version') ?? '?');
	}
	return found;
}

// A .deb file's package and version by Debian's naming (name_version_arch.deb), as dpkg-name and
// mesos-packaging leave them.
export function debsIn(names: readonly string[]): Map<string, string> {
	const found = new Map<string, string>();
	for (const name of names) {
		const match = /^([a-z0-9][a-z0-9+.-]*)_([^_]+)_[^_]+\.deb$/.exec(name);
		if (match) found.set(match[1] ?? '', decodeURIComponent(match[2] ?? '').replace(/%3a/gi, ':'));
	}
	return found;
}

const listed = (found: ReadonlyMap<string, string>, names: readonly string[]): string => names.map(name => `${name} ${found.get(name) ?? ''}`.trim()).join(', ');

export type IndexReading = {where: string; suite: string; codename: string; component: string; arch: string; release?: string; packages?: string};

// The source holds the suite, its component for this architecture, and every package asked for.
export function judgeIndex(reading: IndexReading, wanted: readonly string[]): CheckVerdict {
	const {where, suite, codename, component, arch} = reading;
	const forThis = suite === codename ? `this machine’s codename (${codename})` : `the suite ${suite}`;
	if (reading.release === undefined) {
		return {status: 'failed', message: `${where} has no Release file for ${forThis}: it does not serve this distribution; choose a source that does (repo.source apt with its suite, or a folder of packages built for ${codename})`};
	}
	const release = fieldsOf(reading.release);
	const components = (release.get('Components') ?? component).split(/\s+/);
	const architectures = (release.get('Architectures') ?? arch).split(/\s+/);
	if (!components.includes(component)) return {status: 'failed', message: `${where} ${suite} has no component ${component} (it has ${components.join(', ')}): set repo.component`};
	if (!architectures.includes(arch) && !architectures.includes('all')) return {status: 'failed', message: `${where} ${suite} has no packages for this machine’s architecture ${arch} (only ${architectures.join(', ')})`};
	if (reading.packages === undefined) return {status: 'failed', message: `${where} ${suite} lists no Packages for ${component} ${arch}`};
	const found = packagesIn(reading.packages);
	const missing = wanted.filter(name => !found.has(name));
	if (missing.length > 0) {
		return {status: 'failed', message: `${where} ${suite} ${component} (${arch}) does not hold ${missing.join(', ')}${found.size > 0 ? `; it holds ${[...found.keys()].slice(0, 8).join(', ')}${found.size > 8 ? '…' : ''}` : ''}`};
	}
	return {status: 'passed', message: `${where} ${suite} ${component} (${arch}) holds ${listed(found, wanted)}`};
}

// A folder of .deb files: a mesos package at least; what else the role installs may come from the
// machine's own sources (as zookeeperd always does), so its absence is said, not refused.
export function judgeFolder(folder: string, names: readonly string[] | undefined, wanted: readonly string[]): CheckVerdict {
	if (names === undefined) return {status: 'failed', message: `${folder} is not a folder that can be read: set repo.folder to the folder of your .deb files`};
	const found = debsIn(names);
	if (found.size === 0) return {status: 'failed', message: `${folder} holds no .deb files (name_version_arch.deb): set repo.folder to the folder of your packages`};
	const all = listed(found, [...found.keys()].sort());
	if (!found.has('mesos')) return {status: 'failed', message: `${folder} holds no mesos package (it holds ${all}): build Mesos with mesos-packaging, or set repo.folder to where its .deb is`};
	const elsewhere = wanted.filter(name => !found.has(name));
	if (elsewhere.length > 0) return {status: 'warned', message: `found ${all}; ${elsewhere.join(', ')} must come from this machine’s other apt sources`};
	// The check's title names the folder; its finding is what was found there.
	return {status: 'passed', message: `found ${all}`};
}

// dpkg's name for this machine's architecture, from Node's.
export function debianArch(nodeArch: string): string {
	const names: Record<string, string> = {x64: 'amd64', arm64: 'arm64', arm: 'armhf', ia32: 'i386', ppc64: 'ppc64el', s390x: 's390x', riscv64: 'riscv64'};
	return names[nodeArch] ?? nodeArch;
}
