/**
 * Runs `work` over `items` on `lanes` concurrent lanes, each taking the next item when it is free
 * (on a PostgreSQL server each lane's transactions get their own pooled connection); `done` is
 * called after each item with its index.
 */
export async function inLanes<T>(
  items: readonly T[],
  lanes: number,
  work: (item: T) => Promise<void>,
  done: (index: number) => void = () => {},
): Promise<void> {
  let next = 0;
  const lane = async () => {
    for (let i = next++; i < items.length; i = next++) {
      await work(items[i] as T);
      done(i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, lanes) }, lane));
}
