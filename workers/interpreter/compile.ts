// A module's source -> one code object for its body, plus every def/lambda/class code by node id.
import type { Module } from '../../common/python/ast';
import { Ctx, type CompileEnv } from './compile-context';
import { compileBlock } from './compile-stmt';
import { docstring } from './compile-function';
import { CodeObject } from './frame';
import { analyze } from './scope';

export interface CompiledModule {
  code: CodeObject;
  /** By node id: a function another thread sends is rebuilt from its code id. */
  codes: Map<number, CodeObject>;
}

const noParameters = { positional: [], posonlyCount: 0, vararg: null, kwonly: [], kwarg: null };

export function compileModule(env: CompileEnv, module: Module): CompiledModule {
  const table = analyze(module);
  const ctx = new Ctx(env, table);
  const code = new CodeObject('<module>', '<module>', env.file, 1, -1, noParameters, env.ts);
  code.nslots = table.module.nslots;
  ctx.code = code;
  code.body = compileBlock(ctx, module.body);
  code.doc = docstring(module.body);
  return { code, codes: ctx.codes };
}
