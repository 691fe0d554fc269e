import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'bench/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**', 'bench/results/**'],
    environment: 'node',
    // Processes, not threads: native modules (better-sqlite3) and suites that start servers stay isolated.
    pool: 'forks',
    // Generous, because store and end-to-end suites talk to real databases and a real browser.
    // Tests never assert on speed (ARCHITECTURE.md); a timeout only catches a hang.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    teardownTimeout: 10_000,
    restoreMocks: true,
    unstubEnvs: true,
    unstubGlobals: true,
  },
});
