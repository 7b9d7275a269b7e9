export * from './diagnostic';
export * from './source';
export * from './format';
export * as messages from './messages';
