// PDF prints (posters, the notice board, ledger statements): the one face capabilities import.
export { boardPdf, type BoardEntryPrint, type BoardPrint } from './board';
export type { HeadStampPrint } from './head-stamp';
export { monthStatementPdf, quarterStatementPdf, type MonthStatement, type QuarterStatement, type StatementRow } from './ledger';
export { posterPdf, type PosterPrint } from './poster';
export { storePdf } from './store';
