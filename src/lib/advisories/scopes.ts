/**
 * Advisories that only apply to some deployments, with the sentence of the record that says so.
 * An ignore is accepted only for these, and only when its reason names the scope (and, for the
 * sandbox, the project does not import Jinja's sandbox). OSV has no machine-readable field for
 * this, so it is written here by hand; scopes.spec.ts holds each `evidence` to the record's text.
 */
export type AdvisoryScope = 'windows' | 'sandbox';

export interface ScopedAdvisory {
  scope: AdvisoryScope;
  /** Words of the record's `details` that limit it to that scope. */
  evidence: string;
}

export const SCOPED_ADVISORIES: Record<string, ScopedAdvisory> = {
  'GHSA-f9vj-2wh5-fj8j': {
    scope: 'windows',
    evidence: 'Applications using Python >= 3.11, or not using Windows, are not vulnerable.',
  },
  'GHSA-hgf8-39gv-g3f2': {
    scope: 'windows',
    evidence: 'If the application is running on Windows, and the requested path ends with a special device name',
  },
  'GHSA-cpwx-vrp4-4pq7': {
    scope: 'sandbox',
    evidence: 'This vulnerability impacts users of applications which execute untrusted templates.',
  },
  'GHSA-q2x7-8rv6-6q7h': {
    scope: 'sandbox',
    evidence: 'This vulnerability impacts users of applications which execute untrusted templates.',
  },
};

/** What a reason must name for each scope, and what it means for this deployment. */
export const SCOPE_WORDS: Record<AdvisoryScope, { word: RegExp; meaning: string }> = {
  windows: { word: /\bwindows\b/i, meaning: 'the app does not run on Windows' },
  sandbox: { word: /\bsandbox/i, meaning: "the app does not use Jinja's sandbox (it renders no untrusted templates)" },
};

/** Modules whose import means the project uses Jinja's sandbox. */
export const SANDBOX_MODULES = [
  'jinja2.sandbox',
  'jinja2.sandbox.SandboxedEnvironment',
  'jinja2.sandbox.ImmutableSandboxedEnvironment',
];
