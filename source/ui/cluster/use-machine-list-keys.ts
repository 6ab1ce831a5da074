// Keys of the machine list: ↑↓ choose a machine, a add, e or Enter edit, d remove, s save, Esc back
// to the welcome, q leave (once saved, Enter goes on, Esc or q leave); while a machine is edited Tab/↓ and Shift+Tab/↑ go through its fields, ←→ change its role,
// Enter keeps it, Esc drops the change; while the file name is typed Enter saves, Esc goes back.
import type {MachineListAction, MachineListState} from '../../model/machine-list.js';
import {machineFields} from '../../model/machine-list.js';
import {isChar, isKey} from '../components/keys/split-keys.js';
import {textEditOf} from '../components/keys/text-edit-of.js';
import {useKeys} from '../components/keys/use-keys.js';
import type {SyncReducer} from '../hooks/use-sync-reducer.js';

export type MachineListCalls = {save(file: string): void; leave(): void; back(): void; next(): void};

export function useMachineListKeys(screen: SyncReducer<MachineListState, MachineListAction>, calls: MachineListCalls): void {
	useKeys(press => {
		const {mode} = screen.get();
		const send = screen.dispatch;
		switch (mode.kind) {
			case 'list':
				if (isKey(press, 'up')) send({type: 'move', delta: -1});
				else if (isKey(press, 'down')) send({type: 'move', delta: 1});
				else if (isChar(press, 'a')) send({type: 'add'});
				else if (isChar(press, 'e') || isKey(press, 'return')) send({type: 'edit'});
				else if (isChar(press, 'd')) send({type: 'remove'});
				else if (isChar(press, 's')) send({type: 'save'});
				else if (isKey(press, 'escape')) calls.back();
				else if (isChar(press, 'q')) calls.leave();
				return;
			case 'edit': {
				const onRole = machineFields[mode.field] === 'role';
				if (isKey(press, 'tab') || isKey(press, 'down')) send({type: 'field', delta: 1});
				else if (isKey(press, 'backtab') || isKey(press, 'up')) send({type: 'field', delta: -1});
				else if (isKey(press, 'return')) send({type: 'accept'});
				else if (isKey(press, 'escape')) send({type: 'cancel'});
				else if (onRole && (isKey(press, 'left') || isKey(press, 'right') || isChar(press, ' '))) send({type: 'role', delta: isKey(press, 'left') ? -1 : 1});
				else {
					const edit = textEditOf(press);
					if (edit) send({type: 'text', edit});
				}
				return;
			}
			case 'save': {
				if (isKey(press, 'return')) {
					send({type: 'accept'});
					const next = screen.get().mode;
					if (next.kind === 'saving') calls.save(next.file);
				} else if (isKey(press, 'escape')) send({type: 'cancel'});
				else {
					const edit = textEditOf(press);
					if (edit) send({type: 'text', edit});
				}
				return;
			}
			case 'saving':
				return;
			case 'saved':
				if (isKey(press, 'return')) calls.next();
				else if (isKey(press, 'escape') || isChar(press, 'q')) calls.leave();
				else if (isChar(press, 'e')) send({type: 'cancel'});
		}
	});
}
