/**
 * Asserts on the settings the app server computed itself (Waitress's Adjustments, Gunicorn's
 * Config), run as production starts it; `scales-with-cpus` runs it on a 2- and an 8-core machine.
 */
import type { CheckSpec } from '../../content/checks-schema';
import { startApp, type GradingContext } from '../context';
import { settingSource } from '../production';
import type { CheckResult } from '../types';
import type { JsonValue, ServingInfo } from '../../runtime/protocol';

type Spec = Extract<CheckSpec, { kind: 'server-settings' }>;
type Requirement = Spec['require'][number];

const SMALL = 2;
const LARGE = 8;

function show(value: JsonValue | undefined): string {
  return value === undefined ? 'unset' : JSON.stringify(value);
}

async function problemWith(
  requirement: Requirement,
  serving: ServingInfo,
  context: GradingContext,
  env: Record<string, string>,
): Promise<string | null> {
  const { setting, check } = requirement;
  const value = serving.settings[setting];
  const explicit = (serving.settings['explicit'] as string[] | undefined) ?? [];
  switch (check) {
    case 'explicit':
      return explicit.includes(setting)
        ? null
        : `\`${setting}\` is not set, so ${serving.server} runs with its default (${show(value)}): choose it for the load you expect.`;
    case 'positive':
      return typeof value === 'number' && value > 0
        ? null
        : `\`${setting}\` is ${show(value)}; it must be a number above 0.`;
    case 'set':
      return value !== null && value !== undefined && value !== '' ? null : `\`${setting}\` is not set.`;
    case 'scales-with-cpus': {
      const small = (await startApp(context, env, SMALL)).serving.settings[setting];
      const large = (await startApp(context, env, LARGE)).serving.settings[setting];
      if (typeof small !== 'number' || typeof large !== 'number') return `\`${setting}\` could not be read.`;
      if (small === large) {
        return `\`${setting}\` is ${small} with ${SMALL} CPUs and with ${LARGE}: derive it from the CPU count (2 × cores + 1 is the usual start).`;
      }
      if (large < LARGE || large > 4 * LARGE + 1) {
        return `\`${setting}\` is ${large} with ${LARGE} CPUs; 2 × cores + 1 (${2 * LARGE + 1}) is the usual start.`;
      }
      return null;
    }
  }
}

export async function serverSettings(
  spec: Spec,
  context: GradingContext,
  env: Record<string, string>,
): Promise<CheckResult> {
  const base = { id: spec.id, title: spec.title, hint: spec.hint };
  const { serving } = await startApp(context, env);
  if (serving.server !== spec.server) {
    const at = context.production.commandSource;
    return {
      ...base,
      passed: false,
      message: `Production starts ${serving.server}, not ${spec.server}: \`${context.production.command}\`.`,
      file: at?.file,
      line: at?.line,
    };
  }
  for (const requirement of spec.require) {
    const problem = await problemWith(requirement, serving, context, env);
    if (problem) {
      const at =
        spec.server === 'gunicorn'
          ? settingSource(context.files, context.production.commandSource, requirement.setting)
          : (serving.calledFrom ?? context.production.commandSource);
      return { ...base, passed: false, message: problem, file: at?.file, line: at?.line };
    }
  }
  return {
    ...base,
    passed: true,
    message: `${spec.server} runs with ${spec.require.map((r) => r.setting).join(', ')} as required.`,
  };
}
