// What every benchmark returns, and how a figure is printed: a ratio against an anchor measured
// in the same run, its target, pass or FAIL. A figure that could not be measured says why.
export type Figure = {
	name: string;
	// undefined: not measured (the lines say why).
	ratio?: number;
	target?: number;
	// Throughput: at least the target; time, CPU and memory: at most.
	higherIsBetter?: boolean;
	lines: string[];
	// Set by a benchmark with several figures or a check beyond one ratio.
	pass?: boolean;
};

export const median = (values: number[]): number => {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

export const meets = (ratio: number, target: number, higherIsBetter: boolean): boolean => (higherIsBetter ? ratio >= target : ratio <= target);

export const verdict = (ok: boolean): string => (ok ? 'pass' : 'FAIL');

export function ratioLine(what: string, ratio: number, target: number, higherIsBetter: boolean): string {
	return `${what}: ratio ${ratio.toFixed(2)} (target ${higherIsBetter ? '≥' : '≤'} ${target}): ${verdict(meets(ratio, target, higherIsBetter))}`;
}

export const notMeasured = (name: string, reason: string): Figure => ({name, lines: [`${name}: not measured: ${reason}`]});

export function passed(figure: Figure): boolean | undefined {
	if (figure.pass !== undefined) return figure.pass;
	if (figure.ratio === undefined || figure.target === undefined) return undefined;
	return meets(figure.ratio, figure.target, figure.higherIsBetter ?? false);
}
