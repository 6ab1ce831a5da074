// The router of the KeyRouterProvider above, if any (a component tested alone has none).
import {useContext} from 'react';
import type {KeyRouter} from './key-router.js';
import {KeyRouterContext} from './KeyRouterProvider.js';

export const useKeyRouter = (): KeyRouter | undefined => useContext(KeyRouterContext);
