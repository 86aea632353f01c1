/**
 * The deployment-file languages Monaco does not ship: nginx, Apache httpd, systemd units and Supervisor. Registered the way
 * Monaco registers its own (languages/definitions/_.contribution.js): the id now, the tokenizer and the
 * language configuration loaded only when a model of that language first appears.
 */
import type { MonacoApi } from '../monaco';
import type { languages } from 'monaco-editor/editor';

interface LanguageModule {
  conf: languages.LanguageConfiguration;
  language: languages.IMonarchLanguage;
}

const loaders: Record<'nginx' | 'apache' | 'systemd' | 'supervisor', () => Promise<LanguageModule>> = {
  nginx: () => import('./nginx'),
  apache: () => import('./apache'),
  systemd: () => import('./systemd'),
  supervisor: () => import('./supervisor'),
};

export function registerDeploymentLanguages(monaco: MonacoApi): void {
  for (const [id, load] of Object.entries(loaders)) {
    monaco.languages.register({ id });
    monaco.languages.registerTokensProviderFactory(id, { create: async () => (await load()).language });
    monaco.languages.onLanguageEncountered(id, () => {
      void load().then((module) => monaco.languages.setLanguageConfiguration(id, module.conf));
    });
  }
}
