// The name the bundle (dist/cli.js) goes by inside the single executable: the build stores it
// under this name and the starter reads it back.
export const bundleAsset = 'cli.mjs';
