// Runs many small programs in one python3 process, each as if it were the file program.py run
// as __main__: what it prints, and the traceback of an uncaught exception as CPython prints it.
import { spawnSync } from 'node:child_process';

export interface BatchOutcome {
  stdout: string;
  stderr: string;
  status: number;
  /** It ran past the driver's time limit: nothing to compare. */
  timedOut: boolean;
}

const driver = String.raw`
import io, json, linecache, signal, sys, traceback, contextlib, warnings
warnings.simplefilter('ignore')
programs = json.load(sys.stdin)
results = []
class Timeout(BaseException):
    pass
def alarm(signum, frame):
    raise Timeout()
signal.signal(signal.SIGALRM, alarm)
for source in programs:
    out, err = io.StringIO(), io.StringIO()
    status, timed_out = 0, False
    # The traceback shows the program's lines, as it would for a file.
    linecache.cache["program.py"] = (len(source), None, source.splitlines(True), "program.py")
    try:
        code = compile(source, "program.py", "exec")
        with contextlib.redirect_stdout(out):
            signal.alarm(2)
            try:
                exec(code, {"__name__": "__main__", "__builtins__": __builtins__})
            finally:
                signal.alarm(0)
    except SystemExit:
        pass
    except Timeout:
        timed_out = True
    except BaseException as e:
        status = 1
        # Leave out this driver's own frame: the program's frames are what a file run shows.
        err.write("".join(traceback.format_exception(type(e), e, e.__traceback__.tb_next)))
    results.append({"stdout": out.getvalue(), "stderr": err.getvalue(), "status": status, "timedOut": timed_out})
json.dump(results, sys.stdout)
`;

export function runCPythonBatch(programs: string[]): BatchOutcome[] {
  const run = spawnSync('python3', ['-X', 'utf8', '-c', driver], {
    input: JSON.stringify(programs),
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, PYTHONHASHSEED: '0', PYTHONIOENCODING: 'utf-8' },
  });
  if (run.error || run.status !== 0) throw new Error(`python3 batch failed (${run.status}): ${run.error?.message ?? run.stderr.slice(-2000)}`);
  return JSON.parse(run.stdout) as BatchOutcome[];
}
