// Stands in for react-devtools-core in the bundle (tsup.config.ts): Ink loads it only when DEV=true.
export default {};
