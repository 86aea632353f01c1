import { expect, test } from 'vitest';
import { RULE_IDS } from '../rule-ids';
import { rules } from './index';

test('the registry is keyed by each rule’s own id, and the public ids are its keys', () => {
  for (const [key, rule] of Object.entries(rules)) expect(rule.id).toBe(key);
  expect([...RULE_IDS]).toEqual(Object.keys(rules));
});

test('every rule declares a scope the audit schedules, and needs only app rules use', () => {
  for (const rule of Object.values(rules)) {
    expect(['app', 'nginx', 'apache', 'process', 'project']).toContain(rule.scope);
    if (rule.needs) expect(rule.scope).toBe('app');
  }
});
