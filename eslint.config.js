import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// The layer arrows point one way: common/ <- workers/ <- main/, web/, cli/ ; renderer/ <- common/.
const forbid = (...layers) => ({
  'no-restricted-imports': [
    'error',
    { patterns: layers.map((layer) => ({ group: [`**/${layer}/*`, `**/${layer}`], message: `this layer may not import ${layer}/` })) },
  ],
});

export default tseslint.config(
  { ignores: ['test/scratch/**', 'out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  { files: ['common/**'], rules: forbid('workers', 'main', 'web', 'cli', 'renderer') },
  { files: ['workers/**'], rules: forbid('main', 'web', 'cli', 'renderer') },
  { files: ['main/**', 'web/**'], rules: forbid('cli', 'renderer') },
  { files: ['cli/**'], rules: forbid('main', 'web', 'renderer') },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...forbid('workers', 'main', 'web', 'cli'), ...reactHooks.configs.recommended.rules },
  },
);
