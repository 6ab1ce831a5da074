// The preview's rows, diffed again only when a file's bytes, the width or the view change: screens
// build their file list anew on every render (a key that scrolls, say), and a file of thousands
// of lines must not be diffed again for each.
import {useRef} from 'react';
import {fileRows, type PreviewFile, type PreviewRow, type PreviewView} from '../components/file-preview/preview-rows.js';

type Made = {file: PreviewFile; width: number; view: PreviewView; rows: PreviewRow[]};

const same = (a: PreviewFile, b: PreviewFile): boolean =>
	a.path === b.path && a.before === b.before && a.after === b.after && (a.notes ?? []).join('\n') === (b.notes ?? []).join('\n');

export function usePreviewRows(files: readonly PreviewFile[], width: number, view: PreviewView): PreviewRow[] {
	const made = useRef<Made[]>([]);
	const next = files.map((file, index): Made => {
		const old = made.current[index];
		if (old && old.width === width && old.view === view && same(old.file, file)) return old;
		return {file, width, view, rows: fileRows(file, width, view)};
	});
	made.current = next;
	return next.flatMap(m => m.rows);
}
