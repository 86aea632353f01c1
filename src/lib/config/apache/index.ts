/** The Apache httpd toolkit: parse a site as Debian's apache2 does, and run requests through it. */
export * from './debian-site';
export * from './emulated';
export * from './parse';
export * from './types';
export * from './proxy';
export * from './vhosts';
export * from './tls';
