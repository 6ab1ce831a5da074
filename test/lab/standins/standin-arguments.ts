// How a stand-in was started: `node standin.mjs <daemon> <its command line...>`, by the package's
// launcher (/usr/sbin/mesos-master and the like), which also says which version it stands in for.

/** The daemon this process stands in for: mesos-master, mesos-slave, mesos-agent, marathon or chronos. */
export const daemonName = process.argv[2] ?? '';

/** The command line the daemon received from its wrapper or start script. */
export const daemonArguments = (): string[] => process.argv.slice(3);

/** The version the installed package claims (its dpkg Version without the revision), else the article-era one. */
export const standinVersion = (fallback: string): string => process.env.LAB_STANDIN_VERSION || fallback;
