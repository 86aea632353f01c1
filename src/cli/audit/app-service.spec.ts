import { expect, test } from 'vitest';
import { appServiceStarts } from './app-service';

const AZURE_YAML = 'name: shop\nservices:\n  web:\n    project: .\n    language: python\n    host: appservice\n';

test("no startup command: App Service's Python image starts Gunicorn on app.py's app", () => {
  expect(appServiceStarts({ 'azure.yaml': AZURE_YAML, 'app.py': 'app = None\n' })).toEqual([
    {
      command: 'gunicorn --bind=0.0.0.0 --timeout 600 app:app',
      root: '',
      source: { file: 'azure.yaml', line: 6 },
      platformDefault: true,
    },
  ]);
});

test("the Bicep's appCommandLine is the startup command; a parameter's empty default is none", () => {
  const files = {
    'azure.yaml': AZURE_YAML,
    'app.py': 'app = None\n',
    'infra/site.bicep': "param appCommandLine string = ''\nsiteConfig: {\n  appCommandLine: 'startup.sh'\n}\n",
  };
  expect(appServiceStarts(files)).toMatchObject([
    { command: 'startup.sh', source: { file: 'infra/site.bicep', line: 3 }, platformDefault: false },
  ]);
});

test('a service App Service does not host, or not in Python, is not an App Service start', () => {
  expect(appServiceStarts({ 'azure.yaml': AZURE_YAML.replace('appservice', 'containerapp'), 'app.py': '' })).toEqual(
    [],
  );
  expect(appServiceStarts({ 'azure.yaml': AZURE_YAML.replace('python', 'js'), 'app.py': '' })).toEqual([]);
});
