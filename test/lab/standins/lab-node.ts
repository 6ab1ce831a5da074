import {existsSync} from 'node:fs';

/** Written by test/lab/nodes/node-init.sh into a lab node's private /run; absent on the host. */
export const labNodeMarker = '/run/mesos-setup-lab/node';

/**
 * Where a daemon listens when its configuration names no address. The real ones listen on every
 * interface; inside a lab node every interface is the lab's, so the stand-in does too. On the host it
 * keeps to loopback, so the single-machine lab never listens on the host's own network.
 */
export const defaultListenAddress = () => existsSync(labNodeMarker) ? '0.0.0.0' : '127.0.0.1';
