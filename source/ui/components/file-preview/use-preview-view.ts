// Whether a preview shows only the changes (hunks with context) or the whole file: the preview's
// own key toggles it, so every screen that shows one offers the same key.
import {useInput} from 'ink';
import {useState} from 'react';
import {type PreviewView, wholeFileKey} from './preview-rows.js';

export function usePreviewView(isActive: boolean): PreviewView {
	const [view, setView] = useState<PreviewView>('changes');
	useInput(
		input => {
			if (input === wholeFileKey) setView(current => (current === 'whole' ? 'changes' : 'whole'));
		},
		{isActive},
	);
	return view;
}
