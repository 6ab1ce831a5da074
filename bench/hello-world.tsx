// The first-frame anchor: Ink rendering one line, bundled in the bench run like the product
// (bench/first-frame.ts builds it with tsup's esbuild and the options in tsup.config.ts).
import {render, Text} from 'ink';

render(<Text>Hello, world</Text>);
// Stays up like the wizard until the terminal goes away.
setInterval(() => undefined, 60_000);
