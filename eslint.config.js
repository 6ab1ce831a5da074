// ESLint for every TypeScript file of the project (npm run lint; npm test runs it before the tests).
// tsc checks the types; ESLint adds what types cannot see: the rules of hooks and their dependency
// lists, unused values, and the recommended checks of typescript-eslint.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
	{ignores: ['dist/**', 'release/**', 'node_modules/**', 'coverage/**']},
	js.configs.recommended,
	tseslint.configs.recommended,
	{
		files: ['**/*.{ts,tsx}'],
		plugins: {'react-hooks': reactHooks},
		rules: {
			'react-hooks/rules-of-hooks': 'error',
			'react-hooks/exhaustive-deps': 'error',
			// Terminal text is this program's matter: its patterns match control characters on purpose
			// (what a typed value may not hold, the escapes a log line carries).
			'no-control-regex': 'off',
			// A leading underscore marks a value kept for its position (a parameter, a destructured rest).
			'@typescript-eslint/no-unused-vars': ['error', {argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true}],
		},
	},
);
