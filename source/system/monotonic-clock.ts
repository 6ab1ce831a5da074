// Milliseconds on a clock that only goes forward: a clock stepped back must not make an old reading
// look fresh. process.hrtime, not performance.now(): Node loads `performance` (perf_hooks and eight
// internal modules more, about 1 ms) on its first use, and a plain command needs none of it (issue 12).
export const monotonicMs = (): number => Number(process.hrtime.bigint()) / 1e6;
