import type { Rule } from '../rule';
import type { RuleId } from '../rule-ids';
import { bindAllInterfaces } from './bind-all-interfaces';
import { debugEnabled } from './debug-enabled';
import { devServerInProduction } from './dev-server-in-production';
import { gunicornReload } from './gunicorn-reload';
import { hardcodedSecret } from './hardcoded-secret';
import { proxyTrustWildcard } from './proxy-trust-wildcard';
import { tracebackExposed } from './traceback-exposed';
import { workerTimeoutDisabled } from './worker-timeout-disabled';

export const rules: Record<RuleId, Rule> = {
  'debug-enabled': debugEnabled,
  'traceback-exposed': tracebackExposed,
  'hardcoded-secret': hardcodedSecret,
  'dev-server-in-production': devServerInProduction,
  'bind-all-interfaces': bindAllInterfaces,
  'proxy-trust-wildcard': proxyTrustWildcard,
  'gunicorn-reload': gunicornReload,
  'worker-timeout-disabled': workerTimeoutDisabled,
};
