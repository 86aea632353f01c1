import { describe, expect, test } from 'vitest';
import { findContainers, saysDevelopment } from './containers';

test('a production override is merged over the base compose file, as `-f base -f prod` runs them', () => {
  const { containers, infos } = findContainers({
    'docker-compose.yaml':
      'services:\n  ows:\n    image: opendatacube/ows:latest\n    command: flask run --host 0.0.0.0\n    environment:\n      LOG_LEVEL: info\n',
    'docker-compose.prod.yaml': 'services:\n  ows:\n    command: gunicorn -b 0.0.0.0:8000 datacube_ows.wsgi\n',
  });
  expect(containers).toHaveLength(1);
  expect(containers[0]?.command?.argv).toEqual(['gunicorn', '-b', '0.0.0.0:8000', 'datacube_ows.wsgi']);
  expect(containers[0]?.image.name).toBe('opendatacube/ows');
  expect(containers[0]?.env.map((setting) => setting.name)).toEqual(['LOG_LEVEL']);
  expect(infos.join('\n')).toContain('docker-compose.prod.yaml: an override of docker-compose.yaml');
});

test('a production compose file that stands alone is not merged with the development one', () => {
  const { containers } = findContainers({
    'docker-compose.yml': 'services:\n  web:\n    build: .\n    command: flask run\n    env_file: .env.dev\n',
    'docker-compose.prod.yml': 'services:\n  web:\n    build: .\n    command: gunicorn app:app\n',
  });
  expect(containers.map((container) => container.command?.argv.join(' '))).toEqual(['gunicorn app:app']);
  expect(containers[0]?.service?.envFiles).toEqual([]);
});

test('the build context copied to WORKDIR is the folder the app runs in; a volume on WORKDIR replaces it', () => {
  const files = {
    'compose.yaml':
      'services:\n  api:\n    build:\n      context: backend\n    command: gunicorn app:app\n    volumes:\n      - ./backend/src:/srv\n',
    'backend/Dockerfile': 'FROM python:3.12\nWORKDIR /srv\nCOPY src/ .\n',
    'backend/src/app.py': '',
  };
  expect(findContainers(files).containers[0]?.root).toBe('backend/src');
  const copied = { ...files, 'compose.yaml': 'services:\n  api:\n    build: backend\n    command: gunicorn app:app\n' };
  expect(findContainers(copied).containers[0]?.root).toBe('backend/src');
});

test('a Dockerfile in a subfolder that no compose file builds takes the folder its COPY sources and command are written from', () => {
  const { containers } = findContainers({
    'Docker/api/Dockerfile':
      'FROM python\nWORKDIR /home/api\nCOPY ./Docker/api/entrypoint.sh /home/api/entrypoint.sh\nCOPY ./ /home/api/\nCMD ["/home/api/entrypoint.sh"]\n',
    'Docker/api/entrypoint.sh': '#!/bin/sh\nexec gunicorn wsgi:app\n',
    'wsgi.py': 'app = None\n',
  });
  expect(containers[0]?.root).toBe('');
  const { containers: own } = findContainers({
    'docker/Dockerfile': 'FROM python\nWORKDIR /app\nCOPY . .\nENTRYPOINT ["./scripts/run.sh"]\n',
    'scripts/run.sh': '#!/bin/sh\nexec gunicorn wsgi:app\n',
    'docker/README': 'x',
  });
  expect(own[0]?.root).toBe('');
  const { containers: beside } = findContainers({
    'api/Dockerfile': 'FROM python\nWORKDIR /app\nCOPY . .\nCMD ["gunicorn", "wsgi:app"]\n',
    'api/wsgi.py': 'app = None\n',
  });
  expect(beside[0]?.root).toBe('api');
});

test('a compose file that builds only from a Dockerfile named for development is the development setup', () => {
  const { containers, infos } = findContainers({
    'docker-compose.yml': 'services:\n  app:\n    build:\n      context: .\n      dockerfile: Dockerfile-dev\n',
    'Dockerfile-dev': 'FROM python\nCMD ["python", "manage.py", "runserver"]\n',
    Dockerfile: 'FROM python\nCMD ["gunicorn", "manage:app"]\n',
  });
  expect(containers.map((container) => container.command?.argv.join(' '))).toEqual(['gunicorn manage:app']);
  expect(infos.join('\n')).toContain('docker-compose.yml: a compose file for development');
});

describe('a compose service running the image a Dockerfile of the project builds', () => {
  const DOCKERFILE = 'FROM python:3.12\nWORKDIR /app\nCOPY . .\nCMD ["gunicorn", "-b", "0.0.0.0:5000", "app:app"]\n';

  test('the one such service beside the one unbuilt Dockerfile: its published port is the image’s', () => {
    const { containers, infos } = findContainers({
      Dockerfile: DOCKERFILE,
      'docker-compose.yml':
        'services:\n  search:\n    image: ${IMAGE:-acme/search}\n    ports:\n      - 5000:5000\n  cache:\n    image: redis:7\n',
    });
    const image = containers.find((container) => container.service === null);
    expect(image?.runBy?.service.name).toBe('search');
    expect(image?.published).toEqual({ file: 'docker-compose.yml', line: 5 });
    expect(infos.join('\n')).toContain(
      'docker-compose.yml service search runs acme/search, taken as the image Dockerfile builds',
    );
  });

  test('among several, the service sharing a word with the Dockerfile’s folders (skf-api and Docker/api/)', () => {
    const { containers } = findContainers({
      'Docker/alpine/api/Dockerfile': DOCKERFILE,
      'docker-compose.yml':
        'services:\n  skf-angular:\n    image: acme/skf-angular:4\n    ports:\n      - 8788:8788\n  skf-api:\n    image: acme/skf-api:4\n',
    });
    const image = containers.find((container) => container.service === null);
    expect(image?.runBy?.service.name).toBe('skf-api');
    expect(image?.published).toBeNull();
  });

  test('not linked: a service image (maildev), a base image running mounted code, or a Dockerfile compose builds', () => {
    const single = (service: string) =>
      findContainers({ Dockerfile: DOCKERFILE, 'docker-compose.yml': `services:\n${service}` }).containers.find(
        (container) => container.service === null,
      );
    expect(single('  email:\n    image: maildev/maildev\n    ports:\n      - 1080:1080\n')?.runBy).toBeNull();
    expect(
      single('  web:\n    image: python:3.12\n    command: gunicorn app:app\n    ports:\n      - 80:80\n')?.runBy,
    ).toBeNull();
    const built = findContainers({
      Dockerfile: DOCKERFILE,
      'docker-compose.yml':
        'services:\n  web:\n    build: .\n    command: gunicorn -b 0.0.0.0:8000 app:app\n  other:\n    image: acme/other\n    ports:\n      - 80:80\n',
    });
    expect(built.containers.every((container) => container.runBy === null)).toBe(true);
  });
});

describe('a compose file whose opening comment says it is for development', () => {
  test('is not production (redash’s compose.yaml)', () => {
    const compose =
      'services:\n  server:\n    build: .\n    command: gunicorn app:app\n    ports:\n      - "5001:5000"\n';
    const files = { Dockerfile: 'FROM python\nCMD ["gunicorn", "app:app"]\n' };
    const dev = findContainers({
      ...files,
      'compose.yaml': `# This configuration file is for the **development** setup.\n# For a production example please refer to acme/setup.\n${compose}`,
    });
    expect(dev.containers.map((container) => container.label)).toEqual(['Dockerfile']);
    expect(dev.infos.join('\n')).toContain('compose.yaml: a compose file for development');
    expect(saysDevelopment('# Production and development alike\nservices: {}\n')).toBe(false);
    expect(saysDevelopment('services:\n  web: {}\n# for development\n')).toBe(false);
    const plain = findContainers({ ...files, 'compose.yaml': `# Our app\n${compose}` });
    expect(plain.containers.map((container) => container.label)).toContain('compose.yaml service server');
  });
});
