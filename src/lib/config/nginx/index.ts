/** The nginx toolkit: parse, query, match locations, and run requests through the virtual proxy. */
export * from './access-log';
export * from './access-rules';
export * from './debian-site';
export * from './emulated';
export * from './limit-req';
export * from './location';
export * from './map';
export * from './parse';
export * from './proxy';
export * from './query';
export * from './regex';
export * from './response';
export * from './server-select';
export * from './types';
export * from './upstream';
export * from './uri';
export * from './variables';
