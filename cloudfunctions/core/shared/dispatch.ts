import type { z } from 'zod';
import type { Envelope } from '../../../types/errors';
import type { Ports } from '../../ports';
import { isStoreError } from '../../ports/docstore';
import { AppError, fail } from './errors';
import type { PolicyTable } from './policy';
import { parseInput } from './validation';

export interface ActionDef<S extends z.ZodType, O> {
  input: S;
  run(ports: Ports, input: z.infer<S>): Promise<O>;
}

// biome-ignore lint/suspicious/noExplicitAny: each action has its own input schema and output; the map only bounds them, and FunctionDef<A> keeps the precise types
export type ActionMap = Record<string, ActionDef<any, any>>;

export function action<S extends z.ZodType, O>(def: ActionDef<S, O>): ActionDef<S, O> {
  return def;
}

export interface FunctionDef<A extends ActionMap> {
  name: string;
  actions: A;
  policy: PolicyTable<keyof A & string>;
}

export type Logger = (entry: Record<string, unknown>) => void;

const defaultLogger: Logger = (entry) => console.error(JSON.stringify(entry));

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * The one path every call takes: shape check → known action → policy entry → validated input
 * → service → envelope. Nothing but an envelope ever leaves; unexpected errors are logged
 * and answered INTERNAL without a stack trace.
 */
export function createDispatcher<A extends ActionMap>(def: FunctionDef<A>, log: Logger = defaultLogger) {
  async function answer(event: unknown, ports: Ports): Promise<Envelope<unknown>> {
    try {
      if (!isRecord(event) || typeof event.action !== 'string') {
        throw fail.invalid('请求格式不正确：需要 action 和 data。');
      }
      const extra = Object.keys(event).filter((k) => k !== 'action' && k !== 'data' && !k.startsWith('$') && k !== 'userInfo');
      if (extra.length) throw fail.invalid(`请求中有不认识的字段：${extra.join('、')}。`);
      const name = event.action;
      if (!Object.hasOwn(def.actions, name)) {
        throw new AppError('NOT_FOUND', `功能“${def.name}”没有操作“${name.slice(0, 40)}”，请更新小程序后再试。`);
      }
      if (!Object.hasOwn(def.policy, name)) throw fail.denied();
      const act = def.actions[name];
      const input = parseInput(act.input, event.data);
      const data = await act.run(ports, input);
      return { ok: true, data };
    } catch (e) {
      if (e instanceof AppError) return { ok: false, error: e.toApi() };
      if (isStoreError(e, 'CONFLICT')) {
        return { ok: false, error: { code: 'CONFLICT', message: '该记录已存在，请勿重复提交。' } };
      }
      if (isStoreError(e, 'ABORTED')) {
        return { ok: false, error: { code: 'UNAVAILABLE', message: '当前操作的人较多，请稍后再试。' } };
      }
      log({ level: 'error', fn: def.name, error: e instanceof Error ? e.message : String(e) });
      return { ok: false, error: { code: 'INTERNAL', message: '系统出了点问题，请稍后再试。' } };
    }
  }
  return async function dispatch(event: unknown, ports: Ports): Promise<Envelope<unknown>> {
    const envelope = await answer(event, ports);
    return { ...envelope, now: ports.clock.now().toISOString() };
  };
}

export type Dispatcher = ReturnType<typeof createDispatcher>;
