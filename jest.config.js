/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // Type checking is `tsc --noEmit` in `npm test`; jest only transpiles, which keeps it fast.
  transform: { '^.+\\.ts$': ['ts-jest', { isolatedModules: true, diagnostics: false }] },
  testTimeout: 60000,
  // Two workers on CI's 2 cores: the browser tests wait on chromium much of the time (a full run
  // 462 → 321 s on this 2-core machine; jest's default is one worker fewer than the cores).
  maxWorkers: 2,
  // The runtime's build-time constant (scripts/build-tool.mjs): unit tests run every adapter.
  globals: { STANDARD: 'all' },
  // Made by scripts/build-tool.mjs inside the bundle only.
  moduleNameMapper: { '^coursepack:precompiled-templates$': '<rootDir>/test/support/no-precompiled-templates.js' },
};
