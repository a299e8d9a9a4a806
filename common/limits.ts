// Ranges a request must fall in. Shared by the validator, the CLI's --help and the UI.
export const limits = {
  workers: { min: 1, max: 256 },
  switchIntervalMs: { min: 0.1, max: 1000, default: 5 },
  timeScale: { min: 0.01, max: 10, default: 1 },
  /** Total CPython-equivalent CPU work in one run, after scaling. */
  maxCpuMsPerRun: 10 * 60_000,
  /** Upper bound on the predicted wall time of one run (sequential estimate), after scaling. */
  maxWallMsPerRun: 10 * 60_000,
  /** Most runs in one session (strategies × worker counts). */
  maxRunsPerSession: 64,
  /** Trace intervals kept per run; past it a thread stops recording and the trace says "truncated". */
  maxIntervalsPerRun: 1_000_000,
  /** Largest program or trace file accepted, in bytes. */
  maxFileBytes: 1 << 20,
  /** Largest session file (runs with their whole traces) accepted, in bytes. */
  maxTraceFileBytes: 64 << 20,
  /** Largest WebSocket message the web host accepts, in bytes. */
  maxMessageBytes: 1 << 20,
  /** Steps after repeats are unrolled (per thread), to refuse absurd programs before they run. */
  maxStepsPerThread: 10_000_000,
  /** Most tasks one program may start. */
  maxTasks: 4096,
} as const;
