/**
 * The SCORM 1.2 run-time API an LMS hands to the content it launches (SCORM 1.2 Run-Time
 * Environment, ADL 2001, section 3.3: the `API` object and its eight functions), and the search
 * for it that section 3.3.6.1 prescribes: up the chain of parent frames, then the opener's chain.
 */

/** Every value is a string, "true"/"false" included; an error code is a numeric string, "0" for none. */
export interface Scorm12Api {
  LMSInitialize(parameter: ''): string;
  LMSFinish(parameter: ''): string;
  LMSGetValue(element: string): string;
  LMSSetValue(element: string, value: string): string;
  LMSCommit(parameter: ''): string;
  LMSGetLastError(): string;
  LMSGetErrorString(code: string): string;
  LMSGetDiagnostic(code: string): string;
}

/** ADL's sample search gives up after this many parents: a loop guard, not a spec limit. */
const MAX_PARENTS = 7;

export interface FrameLike {
  parent: FrameLike | null;
  opener?: FrameLike | null;
  API?: unknown;
}

function isScorm12Api(value: unknown): value is Scorm12Api {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Scorm12Api).LMSInitialize === 'function' &&
    typeof (value as Scorm12Api).LMSSetValue === 'function'
  );
}

/** `frame.API`, or null when there is none or reading it is refused (a parent from another origin). */
function apiOf(frame: FrameLike): Scorm12Api | null {
  try {
    return isScorm12Api(frame.API) ? frame.API : null;
  } catch {
    return null;
  }
}

function searchParents(start: FrameLike): Scorm12Api | null {
  let frame: FrameLike = start;
  for (let depth = 0; depth <= MAX_PARENTS; depth++) {
    const api = apiOf(frame);
    if (api) return api;
    let parent: FrameLike | null;
    try {
      parent = frame.parent;
    } catch {
      return null;
    }
    if (!parent || parent === frame) return null;
    frame = parent;
  }
  return null;
}

/** The LMS's API for this window, or null outside an LMS. */
export function findScorm12Api(win: FrameLike): Scorm12Api | null {
  const own = searchParents(win);
  if (own) return own;
  let opener: FrameLike | null | undefined;
  try {
    opener = win.opener;
  } catch {
    return null;
  }
  return opener ? searchParents(opener) : null;
}
