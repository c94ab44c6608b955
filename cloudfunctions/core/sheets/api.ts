// Spreadsheets (rosters, ledgers): the one face other capabilities import.
export { readSheet } from './isolate';
export { SHEET_LIMITS } from './limits';
export { loadExcel, SheetError, type Sheet, type SheetRow } from './read';
