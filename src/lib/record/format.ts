/** The record's name and version, apart from its schema so the browser bundle needs no schema library. */

/** Bump when a field changes meaning or is removed; a reader refuses a version it does not know. */
export const RECORD_VERSION = 1;
export const RECORD_FORMAT = 'prodready-record';
/** The largest file a record may carry, the command line's limit for a submission's file. */
export const MAX_RECORD_FILE_BYTES = 1024 * 1024;
