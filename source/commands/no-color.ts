// NO_COLOR (no-color.org) for the Ink screens too: chalk reads FORCE_COLOR when it is first
// loaded, so cli.tsx imports this module before anything that loads chalk.
if (process.env.NO_COLOR) process.env.FORCE_COLOR = '0';

export {};
