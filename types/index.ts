export * from './errors';
export * from './api';
export * from './village';
export * from './roles';
export * from './roster';
export * from './identity';
export * from './disclosure';
export * from './print';
