import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const LIB_BANS = [
  { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'lib/ is framework-free: no React.' },
  { group: ['next', 'next/*'], message: 'lib/ is framework-free: no Next.js.' },
  { group: ['@/app', '@/app/*', '@/components', '@/components/*', '@/cli', '@/cli/*'], message: 'lib/ must not import the app, components or CLI.' },
  {
    group: ['node:*', 'fs', 'path', 'os', 'child_process', 'buffer', 'stream'],
    message: 'lib/ runs in the browser too: no Node built-ins (the CLI passes bytes in).',
  },
];
const ZUSTAND_BAN = { group: ['zustand', 'zustand/*'], message: 'Only lib/store/ may import zustand/vanilla.' };

export default tseslint.config(
  { ignores: ['node_modules/', '.next/', 'out/', 'dist/', 'next-env.d.ts', 'lib/**/__fixtures__/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { console: 'readonly', process: 'readonly', URL: 'readonly', TextDecoder: 'readonly', TextEncoder: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    // Type-aware: a promise nobody awaits loses its errors (a deliberate fire-and-forget is written
    // `void promise`), and a promise where a plain value is expected is always truthy. JSX handlers
    // may return a promise: React ignores it, and the handlers catch their own errors.
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    // The download service worker: plain JavaScript the browser runs as it is (checked by its
    // @ts-check), with a service worker's globals.
    files: ['public/download-sw.js'],
    languageOptions: {
      globals: {
        self: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        ReadableStream: 'readonly',
        ByteLengthQueuingStrategy: 'readonly',
        Response: 'readonly',
      },
    },
  },
  {
    // The Rules of React (hooks and the React Compiler's checks) for the React code.
    files: ['components/**/*.{ts,tsx}', 'app/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
  },
  {
    // The one dependency rule: lib/ is the engine shared by the browser, the worker and the CLI,
    // so it must not know about React, Next, the app or Node.
    files: ['lib/**/*.ts'],
    ignores: ['lib/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...LIB_BANS, ZUSTAND_BAN] }],
      'no-restricted-globals': ['error', { name: 'window', message: 'lib/ has no DOM.' }, { name: 'document', message: 'lib/ has no DOM.' }],
    },
  },
  {
    // The store is the one place in lib/ that builds on zustand, and only on its framework-free core.
    files: ['lib/store/**/*.ts'],
    ignores: ['lib/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'zustand', message: 'Use zustand/vanilla in lib/store.' }], patterns: LIB_BANS }],
    },
  },
);
