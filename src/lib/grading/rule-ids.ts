/** Rule ids are public (lessons, `prodready audit`, SARIF): keep them stable once released. */
export const RULE_IDS = [
  'debug-enabled',
  'traceback-exposed',
  'hardcoded-secret',
  'dev-server-in-production',
  'bind-all-interfaces',
  'proxy-trust-wildcard',
  'gunicorn-reload',
  'worker-timeout-disabled',
] as const;
export type RuleId = (typeof RULE_IDS)[number];
