import ExcelJS from 'exceljs';
import { LEDGER_HEADER } from '../../cloudfunctions/host/demo-ledger';

export type LedgerLine = [date: string, direction: string, account: string, yuan: string | number, counterparty: string, summary: string, handler: string];

/** `count` plausible rows of one month, as a 会计's spreadsheet holds them. */
export function ledgerLines(month: string, count: number): LedgerLine[] {
  return Array.from({ length: count }, (_, i) => {
    const d = `${month}-${String((i % 28) + 1).padStart(2, '0')}`;
    return i % 3 === 0
      ? [d, '收入', '补助收入', 1000 + i * 10, '黄升镇财政所', `补助第${i}笔`, '王会计']
      : [d, '支出', i % 3 === 1 ? '管理费用-办公费' : '公益支出', `${100 + i}.5`, '沾化区文印社', `支出第${i}笔`, '王会计'];
  });
}

export async function ledgerXlsx(lines: LedgerLine[]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('收支');
  ws.addRow(LEDGER_HEADER);
  for (const l of lines) ws.addRow(l);
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer).toString('base64');
}

export function fenOf(lines: LedgerLine[], direction: '收入' | '支出'): number {
  return lines.filter((l) => l[1] === direction).reduce((s, l) => s + Math.round(Number(l[3]) * 100), 0);
}
