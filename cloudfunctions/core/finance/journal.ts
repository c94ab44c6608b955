/**
 * The layout of a journal as provincial 三资 platforms export it (现金日记账, 银行存款日记账) and
 * as a 会计 keeps one by hand: title rows, a header row under them whose names vary, summary
 * rows between the vouchers, a signature line at the foot. Pure: which row is what.
 */
export * from './journal-columns';
export * from './journal-dates';
export * from './journal-rows';
