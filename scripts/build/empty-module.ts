// Stands in for Ink's devtools module in the bundle (ink-without-devtools.ts says why).
export default {};
