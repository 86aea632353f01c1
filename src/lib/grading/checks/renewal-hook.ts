/**
 * nginx reads its certificate at start and on reload only: after certbot renews, something must reload it, or
 * the old certificate is served until it expires. Judged from certbot's hooks: a script in
 * renewal-hooks/deploy/ (or post/), or the renewal conf's renew_hook/deploy_hook, that reloads nginx. The
 * sandbox runs no shell, so the hook's command lines are read (reloadsNginx), not executed; file modes are
 * not modelled, so a hook's executable bit is the lesson's to teach, not this check's.
 */
import type { CheckSpec } from '../../content/checks-schema';
import { hookScripts, readRenewalConf, reloadsNginx } from '../certbot';
import type { GradingContext } from '../context';
import type { CheckResult } from '../types';

type Spec = Extract<CheckSpec, { kind: 'renewal-hook' }>;

export function renewalHook(spec: Spec, context: GradingContext): CheckResult {
  const base = { id: spec.id, title: spec.title, hint: spec.hint };
  const hooks = hookScripts(context.files).filter((hook) => reloadsNginx(hook.text));
  const good = hooks.find((hook) => hook.stage !== 'pre');
  if (good) return { ...base, passed: true, message: `${good.file} reloads nginx after certbot renews.` };
  const conf = readRenewalConf(context.files, spec.host);
  for (const key of ['renew_hook', 'deploy_hook', 'post_hook']) {
    const setting = conf?.values.get(key);
    if (setting && reloadsNginx(setting.value))
      return { ...base, passed: true, message: `${conf!.file}'s ${key} reloads nginx after certbot renews.` };
  }
  const early = hooks.find((hook) => hook.stage === 'pre');
  if (early) {
    return {
      ...base,
      passed: false,
      message: `${early.file} reloads nginx before certbot renews, so nginx reloads the old certificate; a deploy hook runs after: letsencrypt/renewal-hooks/deploy/.`,
      file: early.file,
      line: 1,
    };
  }
  return {
    ...base,
    passed: false,
    message: `Nothing reloads nginx after certbot renews: nginx keeps the certificate it read at start and serves it until it expires. Add a deploy hook, letsencrypt/renewal-hooks/deploy/reload-nginx, that runs systemctl reload nginx.`,
  };
}
