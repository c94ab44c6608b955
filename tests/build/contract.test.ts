import { join, resolve } from 'node:path';
import ts from 'typescript';

/**
 * cloudfunctions/functions/contract.ts holds the routers to types/api.ts at typecheck time. This
 * compiles two fixtures with the project's compiler options: the real router passes, and three
 * drifts (a widened input, an action missing, another output) each fail naming the action.
 */
const ROOT = resolve(__dirname, '..', '..');
const FIXTURES = join(__dirname, 'fixtures');

function diagnosticsOf(files: string[]) {
  const config = ts.getParsedCommandLineOfConfigFile(join(ROOT, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  if (!config) throw new Error('tsconfig.json unreadable');
  const program = ts.createProgram(files, { ...config.options, noUnusedLocals: false });
  const byFile = new Map<string, string[]>(files.map((f) => [f, []]));
  for (const d of ts.getPreEmitDiagnostics(program)) {
    if (!d.file || !byFile.has(d.file.fileName)) continue;
    const { line } = d.file.getLineAndCharacterOfPosition(d.start ?? 0);
    const text = d.file.text.split('\n')[line];
    byFile.get(d.file.fileName)!.push(`${text.trim()} :: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
  }
  return byFile;
}

jest.setTimeout(120_000);

it('fails the typecheck on each drift from the contract and passes the real router', () => {
  const clean = join(FIXTURES, 'contract-clean.ts');
  const drifted = join(FIXTURES, 'contract-drifted.ts');
  const found = diagnosticsOf([clean, drifted]);

  expect(found.get(clean)).toEqual([]);

  const errors = found.get(drifted)!;
  const on = (alias: string) => errors.filter((e) => e.startsWith(`export type ${alias} `));
  expect(on('WidenedInput').join('\n')).toMatch(/Property 'rate'[\s\S]*input differs from types\/api\.ts/);
  expect(on('MissingAction').join('\n')).toMatch(/Property 'second'[\s\S]*in types\/api\.ts but not implemented/);
  expect(on('OtherOutput').join('\n')).toMatch(/Property 'stats'[\s\S]*output differs from types\/api\.ts/);
  expect(errors).toHaveLength(3);
});
