export * from './channels';
export type * from './envelope';
export type * from './hostEvents';
export * from './hostClient';
export * from './schemas';
export * from './validateRequest';
