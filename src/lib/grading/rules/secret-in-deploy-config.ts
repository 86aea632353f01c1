/**
 * secret-in-deploy-config: a secret written in a deployment file that travels with the code or
 * the image: a Dockerfile ENV or ARG default, a compose `environment:` value, an env file
 * production loads (a committed .env, compose `env_file:`).
 */
import type { Rule } from '../rule';
import { hasUrlPassword, writesSecret } from '../secret-names';

const WHERE = {
  ENV: 'a Dockerfile ENV: it is in every layer of the image, and `docker inspect` prints it',
  ARG: 'a Dockerfile ARG default: `docker history` prints it to anyone with the image',
  'environment:': 'the compose file, committed with the code',
  'env file': 'an env file committed with the code',
} as const;

export const secretInDeployConfig: Rule = {
  id: 'secret-in-deploy-config',
  scope: 'project',
  severity: 'high',
  title: 'A secret is written in a Dockerfile, compose file or committed env file',
  explanation:
    'Dockerfiles, compose files and committed env files are read by everyone with the repository, and an ENV or ARG ' +
    'value is kept in the image for everyone who can pull it. A secret there is shared with all of them, and changing ' +
    'it means a new commit and a new image.',
  fix: 'Give secrets at run time: compose `secrets:` or an env file kept out of git, BuildKit `RUN --mount=type=secret` for the build, the platform’s secret store.',
  references: [
    'https://docs.docker.com/compose/how-tos/use-secrets/',
    'https://docs.docker.com/build/building/secrets/',
    'https://docs.docker.com/reference/build-checks/secrets-used-in-arg-or-env/',
  ],
  evaluate: async (context) => {
    if (context.deployment === undefined) {
      return { findings: [], inconclusive: 'no Dockerfile, compose file or env file was read' };
    }
    return {
      findings: context.deployment
        .filter((setting) => writesSecret(setting.name, setting.value))
        .map((setting) => ({
          rule: 'secret-in-deploy-config',
          severity: 'high' as const,
          message: `${setting.name}${hasUrlPassword(setting.value) ? ' (a URL with a password)' : ''} is written in ${WHERE[setting.form]}.`,
          file: setting.file,
          line: setting.line,
        })),
    };
  },
};
