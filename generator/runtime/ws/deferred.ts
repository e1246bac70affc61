/** A promise with its settle functions; its rejection is marked handled, so nobody has to wait for it. */
export interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
  settled: boolean;
}

export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  promise.catch(() => undefined);
  const handle: Deferred<T> = {
    promise,
    settled: false,
    resolve(value) {
      if (handle.settled) return;
      handle.settled = true;
      resolve(value);
    },
    reject(error) {
      if (handle.settled) return;
      handle.settled = true;
      reject(error);
    },
  };
  return handle;
}
