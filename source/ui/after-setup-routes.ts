// Where a person is among the screens of a machine already set up: the menu, status, edit, undo,
// or the wizard again. A stack, so q or Esc goes back to the screen one came from, and out at the end.
export type Route = 'menu' | 'status' | 'edit' | 'undo' | 'setup';

// Each screen as a key help names what it goes back to.
export const routeNames: Record<Route, string> = {menu: 'the menu', status: 'status', edit: 'edit', undo: 'undo', setup: 'the setup'};

export type RouteAction = {type: 'open'; route: Route} | {type: 'back'};

export function routesReducer(stack: readonly Route[], action: RouteAction): Route[] {
	if (action.type === 'open') return [...stack, action.route];
	return stack.slice(0, -1);
}
