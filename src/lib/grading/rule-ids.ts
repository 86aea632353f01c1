/** Rule ids, derived from the registry (rules/index.ts): public, keep them stable once released. */
import { rules } from './rules';

export type RuleId = keyof typeof rules;

export const RULE_IDS = Object.keys(rules) as [RuleId, ...RuleId[]];
