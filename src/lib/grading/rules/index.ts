import type { Rule } from '../rule';
import type { RuleId } from '../rule-ids';
import { debugEnabled } from './debug-enabled';
import { hardcodedSecret } from './hardcoded-secret';
import { tracebackExposed } from './traceback-exposed';

export const rules: Record<RuleId, Rule> = {
  'debug-enabled': debugEnabled,
  'traceback-exposed': tracebackExposed,
  'hardcoded-secret': hardcodedSecret,
};
