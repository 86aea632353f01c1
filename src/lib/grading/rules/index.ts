import { proxySsrf } from './proxy-ssrf';
import { h2cSmuggling } from './h2c-smuggling';
import { allowWithoutDeny } from './allow-without-deny';
import type { Rule } from '../rule';
import { bindAllInterfaces } from './bind-all-interfaces';
import { debugEnabled } from './debug-enabled';
import { devServerInProduction } from './dev-server-in-production';
import { gunicornReload } from './gunicorn-reload';
import { werkzeugReloader } from './werkzeug-reloader';
import { hardcodedSecret } from './hardcoded-secret';
import { proxyTrustWildcard } from './proxy-trust-wildcard';
import { tracebackExposed } from './traceback-exposed';
import { workerTimeoutDisabled } from './worker-timeout-disabled';
import { unitRunsAsRoot } from './unit-runs-as-root';
import { unitNoRestart } from './unit-no-restart';
import { secretInUnitEnvironment } from './secret-in-unit-environment';
import { unitNotHardened } from './unit-not-hardened';
import { proxyHeadersMissing } from './proxy-headers-missing';
import { hostHeaderSpoofable } from './host-header-spoofable';
import { addHeaderDropped } from './add-header-dropped';
import { headerMissingAlways } from './header-missing-always';
import { serverTokens } from './server-tokens';
import { weakTls } from './weak-tls';
import { noHttpsRedirect } from './no-https-redirect';
import { aliasTraversal } from './alias-traversal';
import { proxyfixMissing } from './proxyfix-missing';
import { proxyfixMiscounted } from './proxyfix-miscounted';
import { debuggerPinDisabled } from './debugger-pin-disabled';
import { errorDetailExposed } from './error-detail-exposed';
import { unstableSecret } from './unstable-secret';
import { insecureCookie } from './insecure-cookie';
import { csrfDisabled } from './csrf-disabled';
import { secretInDeployConfig } from './secret-in-deploy-config';
import { judgeEvasion } from './judge-evasion';
import { apacheOpenProxy } from './apache-open-proxy';
import { apacheServerTokens } from './apache-server-tokens';
import { apacheHeaderMissingAlways } from './apache-header-missing-always';
import { apacheForwardedProto } from './apache-forwarded-proto';
import { apacheHostHeaderSpoofable } from './apache-host-header-spoofable';
import { apacheProxypassOrder } from './apache-proxypass-order';
import { apacheWeakTls } from './apache-weak-tls';
import { apacheNoHttpsRedirect } from './apache-no-https-redirect';
import { apacheProxyHeadersMissing } from './apache-proxy-headers-missing';
import { apacheProxySsrf } from './apache-proxy-ssrf';
import { apacheAllowWithoutDeny } from './apache-allow-without-deny';
import { apacheH2cSmuggling } from './apache-h2c-smuggling';
import { vulnerableDependency } from './vulnerable-dependency';
import { secretInAccessLog } from './secret-in-access-log';
import { clientIpFromHeader } from './client-ip-from-header';
import { unlimitedRequestBody } from './unlimited-request-body';

/**
 * The registry: every rule by its public id (lessons, `prodready audit`, SARIF). Rule ids, the
 * audit's groups and the report's rule list are all derived from it; keep ids stable once released.
 */
export const rules = {
  'debug-enabled': debugEnabled,
  'traceback-exposed': tracebackExposed,
  'hardcoded-secret': hardcodedSecret,
  'dev-server-in-production': devServerInProduction,
  'bind-all-interfaces': bindAllInterfaces,
  'proxy-trust-wildcard': proxyTrustWildcard,
  'gunicorn-reload': gunicornReload,
  'werkzeug-reloader': werkzeugReloader,
  'worker-timeout-disabled': workerTimeoutDisabled,
  'proxy-headers-missing': proxyHeadersMissing,
  'host-header-spoofable': hostHeaderSpoofable,
  'add-header-dropped': addHeaderDropped,
  'header-missing-always': headerMissingAlways,
  'server-tokens': serverTokens,
  'weak-tls': weakTls,
  'no-https-redirect': noHttpsRedirect,
  'alias-traversal': aliasTraversal,
  'proxyfix-missing': proxyfixMissing,
  'proxyfix-miscounted': proxyfixMiscounted,
  'unit-runs-as-root': unitRunsAsRoot,
  'unit-no-restart': unitNoRestart,
  'secret-in-unit-environment': secretInUnitEnvironment,
  'unit-not-hardened': unitNotHardened,
  'debugger-pin-disabled': debuggerPinDisabled,
  'error-detail-exposed': errorDetailExposed,
  'unstable-secret': unstableSecret,
  'insecure-cookie': insecureCookie,
  'csrf-disabled': csrfDisabled,
  'proxy-ssrf': proxySsrf,
  'h2c-smuggling': h2cSmuggling,
  'allow-without-deny': allowWithoutDeny,
  'secret-in-access-log': secretInAccessLog,
  'client-ip-from-header': clientIpFromHeader,
  'unlimited-request-body': unlimitedRequestBody,
  'judge-evasion': judgeEvasion,
  'secret-in-deploy-config': secretInDeployConfig,
  'apache-open-proxy': apacheOpenProxy,
  'apache-server-tokens': apacheServerTokens,
  'apache-header-missing-always': apacheHeaderMissingAlways,
  'apache-forwarded-proto': apacheForwardedProto,
  'apache-host-header-spoofable': apacheHostHeaderSpoofable,
  'apache-proxypass-order': apacheProxypassOrder,
  'apache-weak-tls': apacheWeakTls,
  'apache-no-https-redirect': apacheNoHttpsRedirect,
  'apache-proxy-headers-missing': apacheProxyHeadersMissing,
  'apache-proxy-ssrf': apacheProxySsrf,
  'apache-allow-without-deny': apacheAllowWithoutDeny,
  'apache-h2c-smuggling': apacheH2cSmuggling,
  'vulnerable-dependency': vulnerableDependency,
} satisfies Record<string, Rule>;
