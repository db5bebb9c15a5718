/** Work that must not overlap, run one piece after another in the order it was asked for. */

/** A queue: each call runs `work` once every earlier call has settled (a failure does not stop the queue). */
export function takingTurns(): <T>(work: () => Promise<T>) => Promise<T> {
  let queue: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work);
    queue = run.catch(() => undefined);
    return run;
  };
}
