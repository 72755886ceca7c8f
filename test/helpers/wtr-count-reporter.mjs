import { writeFileSync } from 'node:fs';

/** Counts every browser test of a run and writes `{ passed, failed, skipped }` to `file`. */
export function countReporter(file) {
  return {
    onTestRunFinished({ sessions }) {
      const counts = { passed: 0, failed: 0, skipped: 0 };
      const walk = (suite) => {
        for (const test of suite.tests) counts[test.skipped ? 'skipped' : test.passed ? 'passed' : 'failed']++;
        for (const child of suite.suites) walk(child);
      };
      for (const session of sessions) {
        if (session.testResults) walk(session.testResults);
        // A file that failed to load or threw outside a test has errors but no failed test.
        if (session.errors?.length) counts.failed++;
      }
      if (file) writeFileSync(file, JSON.stringify(counts));
    },
  };
}
