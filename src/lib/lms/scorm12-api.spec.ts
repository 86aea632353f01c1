import { describe, expect, it } from 'vitest';
import { findScorm12Api, type FrameLike } from './scorm12-api';

const api = {
  LMSInitialize: () => 'true',
  LMSSetValue: () => 'true',
};

function frame(parent: FrameLike | null, extra: Partial<FrameLike> = {}): FrameLike {
  const self: FrameLike = { parent: null, ...extra };
  self.parent = parent ?? self; // a top window is its own parent
  return self;
}

describe('finding the LMS’s SCORM 1.2 API', () => {
  it('finds API on a grandparent frame', () => {
    const top = frame(null, { API: api });
    const middle = frame(top);
    expect(findScorm12Api(frame(middle))).toBe(api);
  });

  it('finds it through the opener when the course opened in a new window', () => {
    const lms = frame(null, { API: api });
    expect(findScorm12Api(frame(null, { opener: frame(lms) }))).toBe(api);
  });

  it('is null outside an LMS, for a non-API `API`, and when a parent from another origin refuses to be read', () => {
    expect(findScorm12Api(frame(null))).toBeNull();
    expect(findScorm12Api(frame(frame(null, { API: { LMSInitialize: 'no' } })))).toBeNull();
    const foreign = {
      get API(): unknown {
        throw new DOMException('Blocked a frame from accessing a cross-origin frame', 'SecurityError');
      },
      get parent(): FrameLike {
        throw new DOMException('Blocked', 'SecurityError');
      },
    } as FrameLike;
    expect(findScorm12Api(frame(foreign))).toBeNull();
  });
});
