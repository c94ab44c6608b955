import type { z } from 'zod';
import { fail } from './errors';

const typeNames: Record<string, string> = {
  string: '文字',
  number: '数字',
  int: '整数',
  boolean: '是/否',
  object: '对象',
  array: '列表',
};

/** Turns the first zod issue into a Chinese message a person can act on. */
function describe(issue: z.core.$ZodIssue): string {
  const where = issue.path.length ? `“${issue.path.join('.')}”` : '请求内容';
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? `缺少必填项${where}。` : `${where}应为${typeNames[issue.expected] ?? issue.expected}。`;
    case 'unrecognized_keys':
      return `请求中有不认识的字段：${issue.keys.join('、')}。`;
    case 'too_big':
      return `${where}超出允许的长度或范围。`;
    case 'too_small':
      return `${where}过短或过小。`;
    case 'invalid_format':
      return `${where}格式不正确。`;
    case 'invalid_value':
      return `${where}的取值不在允许范围内。`;
    case 'custom':
      // A refinement's own message already says what to change.
      return issue.message;
    default:
      return `${where}不符合要求。`;
  }
}

/** Validates at the boundary; anything else (unknown fields included) is INVALID_ARGUMENT. */
export function parseInput<S extends z.ZodType>(schema: S, data: unknown): z.infer<S> {
  const result = schema.safeParse(data ?? {}, { reportInput: true });
  if (!result.success) throw fail.invalid(`参数有误：${describe(result.error.issues[0])}`);
  return result.data;
}
