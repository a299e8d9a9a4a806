// The GilLabApi over WebSocket messages: one request in, one answer out. Anything a page sends
// is checked here before it reaches the engine, and every refusal says what was wrong.
import { methodNames, type GilLabMethods, type WsMessage } from '../common/api';
import { describeValue } from '../common/describe';

type MethodName = (typeof methodNames)[number];

/**
 * How many params each method takes. What they hold is the engine's to check, with the same
 * validator every host uses (common/validate.ts): a wrong request is answered by the engine.
 */
/** How many params each method takes: [at least, at most]. */
const arity: Record<MethodName, [number, number]> = {
  getMachine: [0, 0],
  listPresets: [0, 0],
  cancelSession: [0, 0],
  parseProgram: [1, 2],
  startSession: [1, 1],
};

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
      error: `message id must be a number, got ${describeValue(id)}`,
    };
  if (!isMethod(method))
    return {
      id,
      ok: false,
      error: `unknown method ${JSON.stringify(method) ?? 'nothing'}: the methods are ${methodNames.join(', ')}`,
    };
  if (!Array.isArray(params))
    return { id, ok: false, error: `params of ${method} must be a list, got ${describeValue(params)}` };
  const [least, most] = arity[method];
  if (params.length < least || params.length > most) {
    const count = least === most ? `${least}` : `${least} to ${most}`;
    return { id, ok: false, error: `params of ${method} must be a list of ${count} value${most === 1 ? '' : 's'}, got ${params.length}` };
  }
  try {
    const call = engine[method] as (...args: unknown[]) => Promise<unknown>;
    const value = await call.apply(engine, params);
    return { id, ok: true, value: value ?? null };
  } catch (error) {
    return { id, ok: false, error: `${method} failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}
