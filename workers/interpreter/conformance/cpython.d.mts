// Types of cpython.mjs, for the conformance test.
export interface Outcome {
  stdout: string;
  stderr: string;
  status: number;
}
export declare const conformanceDir: string;
export declare const engineConformanceDir: string;
export declare function programNames(dir?: string): string[];
export declare function pythonVersion(): string | null;
export declare function runCPython(name: string, dir?: string): Outcome;
