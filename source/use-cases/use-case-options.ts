// What every use case takes besides the System: a signal that stops it (quit, Ctrl+C, a screen
// left) and a callback that hears what it does, event by event.
export type UseCaseOptions<Event> = {
	signal?: AbortSignal;
	onEvent?: (event: Event) => void;
};
