export type * from './types';
export { createDebugSession } from './createDebugSession';
