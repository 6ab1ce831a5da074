// ZooKeeper's `mntr` answer (zk_key<TAB>value lines), read for the status pane: how many znodes,
// and on a leader how many followers are in sync. Health itself comes from `srvr`'s Mode.

export function parseMntr(text: string): Record<string, string> {
	const fields: Record<string, string> = {};
	for (const line of text.split('\n')) {
		const match = /^(zk_\w+)\s+(.*)$/.exec(line.trim());
		if (match) fields[match[1] ?? ''] = (match[2] ?? '').trim();
	}
	return fields;
}

// A short addition to the health line, or '' when mntr said nothing useful.
export function mntrSummary(fields: Record<string, string>): string {
	const parts: string[] = [];
	if (fields.zk_znode_count) parts.push(`${fields.zk_znode_count} znodes`);
	if (fields.zk_server_state === 'leader' && fields.zk_followers) {
		parts.push(`${fields.zk_synced_followers ?? '?'} of ${fields.zk_followers} followers in sync`);
	}
	return parts.join(', ');
}
