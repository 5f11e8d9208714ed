export type * from './agentRef';
export type * from './childPipeline';
export type * from './diagnostic';
export type * from './jsonValue';
export type * from './pipeline';
export type * from './sourceRange';
export type * from './stepConfig';
export type * from './stepNode';
