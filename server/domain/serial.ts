// Writes of a domain run one at a time: each reads the current version, appends the next event and
// applies it, so two concurrent edits can never both append the same version. Writes are rare
// (people typing), so one queue per domain costs nothing.
export function createSerialQueue() {
  let tail: Promise<unknown> = Promise.resolve();
  return function serial<T>(work: () => Promise<T>): Promise<T> {
    const result = tail.then(work);
    // the next write waits for this one, whether it succeeded or not
    tail = result.catch(() => undefined);
    return result;
  };
}
