// The machine list of the screens saved as a cluster file, checked whole first: what cluster … FILE
// would refuse is never written. Under --root DIR (`root`) it is saved inside DIR, a relative name
// under DIR, an absolute one outside DIR refused (clusterFilePlace), as nothing of a rehearsal is
// written outside DIR. Returns the file's full path, which the next commands name.
import {clusterFileText, parseClusterFile} from '../model/cluster-file.js';
import {clusterFilePlace, settingsFilePlace} from '../model/cluster-file-place.js';
import type {Cluster} from '../model/cluster.js';
import {InputError} from '../model/errors.js';
import {writeClusterFile} from '../system/cluster-file.js';

export async function saveClusterFile(file: string, cluster: Cluster, root?: string): Promise<string> {
	const place = clusterFilePlace(file, {cwd: process.cwd(), ...(root === undefined ? {} : {root})});
	if ('problem' in place) throw new InputError([place.problem]);
	const text = clusterFileText(cluster);
	parseClusterFile(text, place.file);
	return writeClusterFile(place.file, text, root);
}

// Where the settings chosen on the cluster pages go (settingsFilePlace): FILE, or in a rehearsal
// whose FILE is outside DIR (`root`) a copy in DIR; FILE is taken as the shell does, from the working directory.
export const settingsFileFor = (file: string, root?: string): {file: string; copy: boolean} => settingsFilePlace(file, {cwd: process.cwd(), ...(root === undefined ? {} : {root})});
