// Types of cpython.mjs, for the conformance test.
export interface Outcome {
  stdout: string;
  stderr: string;
  status: number;
}
export declare const conformanceDir: string;
export declare function programNames(): string[];
export declare function pythonVersion(): string | null;
export declare function runCPython(name: string): Outcome;
