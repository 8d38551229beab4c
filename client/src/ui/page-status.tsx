/** The board's name for the loading line, until it moves to `LoadingStatus` from ./query-state. */
export { LoadingStatus as PageStatus } from './query-state';
