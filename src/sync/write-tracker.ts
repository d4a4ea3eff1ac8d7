/**
 * Keeps API writes and sync runs from overwriting each other's newer data. Both run
 * on the worker thread: a run reads an order from PlanSo, awaits, and stores it later,
 * so a write may store a newer state of that order in between. The run takes a mark
 * before it reads and calls `writtenSince` before it stores. `true` means that a
 * write began after the mark or is still in flight. The run then skips that order,
 * because the write stores (or has stored) the newer state itself.
 *
 * Marks are positions in one sequence that every write start and end advances, so
 * the check needs no clock.
 */
export interface WriteTracker {
  /** Returns the current position; take it before reading from PlanSo. */
  mark(): number;
  /** Records that a write to `orderId` begins; call the returned function when it ends, stored or failed. */
  begin(orderId: string): () => void;
  /** Whether a write to `orderId` began or ended after `mark`, or is in flight now. */
  writtenSince(orderId: string, mark: number): boolean;
  /** Order ids written after `mark` or in flight now. */
  idsWrittenSince(mark: number): string[];
}

/**
 * Creates a tracker. It keeps one number per order ever written, so its size is
 * bounded by the tenant's order count.
 */
export function createWriteTracker(): WriteTracker {
  let position = 0;
  const lastWrite = new Map<string, number>();
  const inFlight = new Map<string, number>();

  const touch = (orderId: string) => {
    position += 1;
    lastWrite.set(orderId, position);
  };

  const writtenSince = (orderId: string, mark: number) => (lastWrite.get(orderId) ?? 0) > mark || inFlight.has(orderId);

  return {
    mark: () => position,
    begin(orderId) {
      touch(orderId);
      inFlight.set(orderId, (inFlight.get(orderId) ?? 0) + 1);
      let ended = false;
      return () => {
        if (ended) return;
        ended = true;
        touch(orderId);
        const left = (inFlight.get(orderId) ?? 1) - 1;
        if (left === 0) inFlight.delete(orderId);
        else inFlight.set(orderId, left);
      };
    },
    writtenSince,
    idsWrittenSince: (mark) => [...lastWrite.keys()].filter((orderId) => writtenSince(orderId, mark)),
  };
}
