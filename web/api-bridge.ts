// The GilLabApi over WebSocket messages: one request in, one answer out. Anything a page sends
// is checked here before it reaches the engine, and every refusal says what was wrong.
import { methodNames, type GilLabMethods, type WsMessage } from '../common/api';

type MethodName = (typeof methodNames)[number];

/** What each method takes, checked before the call (the engine validates the request's contents). */
const signatures: Record<MethodName, { params: string; check: (params: unknown[]) => boolean }> = {
  getMachine: { params: '[]', check: (p) => p.length === 0 },
  listPresets: { params: '[]', check: (p) => p.length === 0 },
  cancelSession: { params: '[]', check: (p) => p.length === 0 },
  parseProgram: { params: '[text: string]', check: (p) => p.length === 1 && typeof p[0] === 'string' },
  startSession: {
    params: '[request: object]',
    check: (p) => p.length === 1 && typeof p[0] === 'object' && p[0] !== null && !Array.isArray(p[0]),
  },
};

function describeParams(params: unknown[]): string {
  return `[${params.map((p) => (p === null ? 'null' : Array.isArray(p) ? 'list' : typeof p)).join(', ')}]`;
}

function isMethod(name: unknown): name is MethodName {
  return typeof name === 'string' && (methodNames as readonly string[]).includes(name);
}

/** Answers one text message. Never throws: engine errors become `ok: false` answers. */
export async function answer(engine: GilLabMethods, text: string): Promise<WsMessage> {
  let message: unknown;
  try {
    message = JSON.parse(text);
  } catch (error) {
    return { id: null, ok: false, error: `message is not valid JSON: ${(error as Error).message}` };
  }
  if (typeof message !== 'object' || message === null || Array.isArray(message))
    return { id: null, ok: false, error: 'message must be a JSON object {id, method, params}' };
  const { id, method, params = [] } = message as { id?: unknown; method?: unknown; params?: unknown };
  if (typeof id !== 'number' || !Number.isFinite(id))
    return {
      id: null,
      ok: false,
      error: `message id must be a number, got ${id === undefined ? 'nothing' : JSON.stringify(id)}`,
    };
  if (!isMethod(method))
    return {
      id,
      ok: false,
      error: `unknown method ${JSON.stringify(method) ?? 'nothing'}: the methods are ${methodNames.join(', ')}`,
    };
  if (!Array.isArray(params))
    return { id, ok: false, error: `params of ${method} must be a list, got ${typeof params}` };
  const signature = signatures[method];
  if (!signature.check(params))
    return { id, ok: false, error: `params of ${method} must be ${signature.params}, got ${describeParams(params)}` };
  try {
    const call = engine[method] as (...args: unknown[]) => Promise<unknown>;
    const value = await call.apply(engine, params);
    return { id, ok: true, value: value ?? null };
  } catch (error) {
    return { id, ok: false, error: `${method} failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}
