// Types of scripts/ensure-built.mjs for the tests that import it (test/build-outputs.test.ts).
export declare const buildOutputs: readonly string[];
/** Why a build of the project at `root` is needed, or null when its out/ is up to date. */
export declare function staleness(root: string): string | null;
