export type * from './hitlRecord';
export type * from './runRecord';
export type * from './runStore';
export type * from './stepResultRows';
export { DEFAULT_RUN_LIST_LIMIT, STORED_RUN_STATUSES, outcomeOf, runRecordOf } from './runRecord';
export { DEFAULT_RECENT_FILES_LIMIT } from './runStore';
export { RunStoreError, isRunStoreError, unknownRunError } from './runStoreError';
export { buildStepResultTree, flattenStepResults } from './stepResultRows';
export { createMemoryRunStore } from './memoryRunStore';
