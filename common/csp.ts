// The Content-Security-Policy every page of GIL Lab is served with: only our own bundle runs.
// The desktop shell (main/security.ts) and the web host (web/server.ts) both send it; the web host
// adds its WebSocket to connect-src.

export const cspDirectives: Record<string, string[]> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  // React and D3 set element styles at run time, and CodeMirror (the program editor) adds one <style>
  // element whose rules change with its extensions, so neither a hash nor (on pages served as static
  // files) a per-response nonce can name it. Scripts stay 'self' only: CodeMirror needs no eval.
  'style-src': ["'self'", "'unsafe-inline'"],
  // data: and blob: for exported PNGs and canvas snapshots.
  'img-src': ["'self'", 'data:', 'blob:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
};

export function serializeCsp(directives: Record<string, string[]>): string {
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}
