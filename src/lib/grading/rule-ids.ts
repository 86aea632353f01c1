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
  'proxy-headers-missing',
  'host-header-spoofable',
  'add-header-dropped',
  'header-missing-always',
  'server-tokens',
  'weak-tls',
  'no-https-redirect',
  'alias-traversal',
  'proxyfix-missing',
  'proxyfix-miscounted',
] as const;
export type RuleId = (typeof RULE_IDS)[number];
