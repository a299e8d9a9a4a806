// Types of scripts/electron-sandbox.mjs, for the tests and e2e/electron.spec.ts.
export interface SandboxProbe {
  platform: string;
  uid: number | null;
  apparmorRestrictUserns: string | null;
  unprivilegedUsernsClone: string | null;
  maxUserNamespaces: string | null;
  chromeSandboxPath: string;
  chromeSandbox: { uid: number; mode: number } | null;
}

export type SandboxDecision =
  { kind: 'sandboxed' } | { kind: 'no-sandbox'; warning: string } | { kind: 'fix'; reason: string; commands: string[] };

export declare function sandboxDecision(probe: SandboxProbe, forwarded: readonly string[]): SandboxDecision;
export declare function sandboxFixMessage(fix: { reason: string; commands: string[] }): string;
export declare function electronArgs(forwarded: readonly string[], decision: SandboxDecision): string[];
export declare function probeSandbox(chromeSandboxPath: string): SandboxProbe;
