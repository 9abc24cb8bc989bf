// ESLint for the browser scripts in assets/ (`npx eslint assets`, run by .ci/run).
// Plain browser scripts, not modules: each is an IIFE that talks to the page
// only through public APIs (Plotly, Dash's dash_clientside, AG Grid's registries).
const js = require('@eslint/js');
const globals = require('globals');

module.exports = [
  {
    // Vendored, minified third-party code (date-fns's Spanish locale).
    ignores: ['assets/**/*.min.js', 'node_modules/**'],
  },
  js.configs.recommended,
  {
    files: ['assets/**/*.js'],
    languageOptions: {
      ecmaVersion: 2020,
      sourceType: 'script',
      globals: {
        ...globals.browser,
        Plotly: 'readonly',
        dash_clientside: 'readonly',
      },
    },
  },
  {
    files: ['eslint.config.js'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
  },
];
