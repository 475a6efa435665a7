import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Strings } from './strings.js';
import { en } from './strings.js';

/** The built-in strings of the survey's language, provided once by the presenter and read by each component. */
export const StringsContext = createContext<Strings>(en);

export const useStrings = () => useContext(StringsContext);
