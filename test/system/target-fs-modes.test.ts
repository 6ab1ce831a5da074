// A file written on this machine gets exactly the mode and owner it is given.
import {stat} from 'node:fs/promises';
import {expect, it} from 'vitest';
import {createTargetFs} from '../../source/system/target-fs.js';
import {tempRoot} from '../helpers/temp-root.js';

it.runIf(process.getuid?.() === 0)('writes a setuid mode with another owner as asked: the owner first, or its change would clear the bit', async () => {
	const fs = createTargetFs(await tempRoot());
	await fs.write('/usr/local/bin/tool', '#!/bin/sh\n', 0o4755, {uid: 1234, gid: 1235});
	expect(await stat(fs.hostPath('/usr/local/bin/tool'))).toMatchObject({uid: 1234, gid: 1235, mode: 0o104755});
	await fs.write('/usr/local/bin/tool', '#!/bin/sh\nexit 0\n', 0o2750, {uid: 77, gid: 78});
	expect(await stat(fs.hostPath('/usr/local/bin/tool'))).toMatchObject({uid: 77, gid: 78, mode: 0o102750});
});
