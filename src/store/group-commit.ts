/**
 * Group commit: items asked for within `gatherMs` of each other, or while the batch before is
 * committing, are handed to `run` together, one batch at a time, and each caller gets its own
 * result (or error) once `run` has finished, which for the store means: once the shared COMMIT
 * is durable. One sync to disk, and one statement, then serve many deliveries.
 * @param run Handles a batch; resolves to one result per item, an Error standing for a failure.
 */
export function batched<I, O>(gatherMs: number, run: (items: I[]) => Promise<(O | Error)[]>, maxBatch = 200): (item: I) => Promise<O> {
  type Waiting = { item: I; resolve(value: O): void; reject(error: unknown): void };
  const waiting: Waiting[] = [];
  let scheduled = false;
  let previous: Promise<void> = Promise.resolve();

  const turn = () => {
    // The batch is taken when its turn comes: all that arrived while the one before committed.
    previous = previous.then(async () => {
      scheduled = false;
      const batch = waiting.splice(0, maxBatch);
      if (waiting.length && !scheduled) {
        scheduled = true;
        turn();
      }
      try {
        const results = await run(batch.map((w) => w.item));
        batch.forEach((w, i) => (results[i] instanceof Error ? w.reject(results[i]) : w.resolve(results[i] as O)));
      } catch (error) {
        for (const w of batch) w.reject(error);
      }
    });
  };

  return (item) =>
    new Promise<O>((resolve, reject) => {
      waiting.push({ item, resolve, reject });
      if (!scheduled) {
        scheduled = true;
        setTimeout(turn, gatherMs);
      }
    });
}
