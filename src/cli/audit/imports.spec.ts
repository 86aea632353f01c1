import { describe, expect, test } from 'vitest';
import { reachableModules } from './imports';

const files = {
  'wsgi.py': 'from shop import create_app\n\napp = create_app()\n',
  'shop/__init__.py':
    'from flask import Flask\nfrom .views import (\n    bp,\n    other,\n)\nimport shop.config as config\n',
  'shop/views.py': 'from . import models\nfrom .helpers import slug\n',
  'shop/models.py': 'import json\n',
  'shop/helpers/__init__.py': 'slug = str\n',
  'shop/config.py': 'DEBUG = False\n',
  'shop/unused.py': 'DEBUG = True\n',
  'gunicorn.conf.py': 'bind = "127.0.0.1:8000"\n',
  'dynamic.py': 'import importlib\nimportlib.import_module("shop.unused")\n',
};

describe('reachableModules', () => {
  test('follows absolute, relative and parenthesised imports from the gunicorn app and its config', () => {
    const reachable = reachableModules([{ command: 'gunicorn --bind 127.0.0.1:8000 wsgi:app', env: {} }], files);
    expect([...(reachable ?? [])].sort()).toEqual([
      'gunicorn.conf.py',
      'shop/__init__.py',
      'shop/config.py',
      'shop/helpers/__init__.py',
      'shop/models.py',
      'shop/views.py',
      'wsgi.py',
    ]);
  });

  test('an import by name at run time means every module may matter', () => {
    expect(reachableModules([{ command: 'python dynamic.py', env: {} }], files)).toBeNull();
  });

  test('from_object of a name chosen at run time (a string, an environment lookup) means every module may matter', () => {
    const chosen = {
      ...files,
      'wsgi.py':
        'import os\nfrom flask import Flask\napp = Flask(__name__)\napp.config.from_object(os.environ.get("APP_SETTINGS", "shop.config.Dev"))\n',
    };
    expect(reachableModules([{ command: 'gunicorn wsgi:app', env: {} }], chosen)).toBeNull();
    const imported = { ...files, 'wsgi.py': 'from shop.config import Dev\napp.config.from_object(Dev)\n' };
    expect(reachableModules([{ command: 'gunicorn wsgi:app', env: {} }], imported)).not.toBeNull();
  });

  test('an entry the tree does not hold cannot be followed', () => {
    expect(reachableModules([{ command: 'gunicorn missing:app', env: {} }], files)).toBeNull();
    expect(reachableModules([{ command: 'python -m flask run', env: { FLASK_APP: 'nothere' } }], files)).toBeNull();
  });
});
