/**
 * Runs `work` over `items` with at most `concurrency` calls in flight. Workers take
 * the next item only while `shouldContinue()` holds, so a stop lets the calls in
 * flight finish and starts no new one. `work` handles its own errors.
 */
export async function runPool<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
  shouldContinue: () => boolean = () => true,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length && shouldContinue()) {
      const item = items[next++] as T;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
}
