/**
 * Milliseconds from an arbitrary start, for measuring durations. `performance.now()` would do,
 * but its first call loads Node's `perf_hooks` (ten internal modules) at start-up;
 * `process.hrtime` is there already.
 */
export function nowMs(): number {
  const [seconds, nanoseconds] = process.hrtime();
  return seconds * 1000 + nanoseconds / 1e6;
}
