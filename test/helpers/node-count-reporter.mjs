/** A node:test reporter that emits `{ passed, failed, skipped }` for the run as JSON. */
export default async function* countReporter(source) {
  const counts = { passed: 0, failed: 0, skipped: 0 };
  for await (const { type, data } of source) {
    if (type !== 'test:pass' && type !== 'test:fail') continue;
    // A suite fails when a test in it fails; count the tests, and a suite only for its own error.
    if (data.details?.type === 'suite' && (type === 'test:pass' || data.details.error?.failureType === 'subtestsFailed')) continue;
    counts[data.skip || data.todo ? 'skipped' : type === 'test:pass' ? 'passed' : 'failed']++;
  }
  yield JSON.stringify(counts);
}
