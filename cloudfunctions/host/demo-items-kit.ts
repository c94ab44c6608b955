import type { Block } from '../../types/disclosure';
import type { QuarterRef } from '../core/shared/time';
import { numbers } from './demo-numbers';

/*
 * What every demo disclosure item is made from: the context a village's quarter gives it, and
 * the small helpers the items share for quoting the books.
 */

/** A quarter of the village's published books, as the demo's money items quote them. */
export interface DemoBooks {
  /** The quarter's months that the 民主理财小组 has signed, oldest first. */
  months: string[];
  rows: { month: string; date: string; direction: '收入' | '支出'; account: string; amountFen: number; counterparty: string; summary: string }[];
  /** The last signed month's closing balance. */
  closingFen: number | null;
}

/** What a demo item needs to read like a real village's: its people, its books and a little variation. */
export interface DemoContext {
  villageId: string;
  village: string;
  q: QuarterRef;
  secretary: string;
  director: string;
  accountant: string;
  supervisor: string;
  /** Household heads with masked ID numbers, as a subsidy list shows them. */
  heads: { name: string; idMasked: string }[];
  /** Party members of the roster other than the secretary. */
  partyMembers: string[];
  /** The roster's 低保 households: head, masked ID and how many of the household are covered. */
  lowIncome: { name: string; idMasked: string; persons: number }[];
  /** Holders of the 机动地 contracts (as the books name them) and the warehouse's tenant. */
  landTenants: string[];
  rentTenant: string;
  /**
   * The warehouse's lease as the 三资 register holds it (demoWarehouseLeaseOf), which 5-2 quotes;
   * null where the register has no such lease (the scale villages let other buildings).
   */
  warehouseLease: { startOn: string; endOn: string } | null;
  /** The quarter's published books; none when no month of the quarter is signed. */
  books: DemoBooks | null;
  /** Deterministic per village, quarter and item, so a reseed gives the same demo. */
  n: (min: number, max: number) => number;
}

export interface DemoItem {
  title: string;
  body: Block[];
  amountFen?: number;
}

export const yuan = (fen: number) => (fen / 100).toFixed(2);
export const months = (q: QuarterRef) => [1, 2, 3].map((m) => `${(q.quarter - 1) * 3 + m}月`);
export const monthName = (month: string) => `${Number(month.slice(5, 7))}月`;
export const sum = (rows: { amountFen: number }[]) => rows.reduce((s, r) => s + r.amountFen, 0);

export type Maker = (c: DemoContext) => DemoItem;

/** The quarter's signed months, or what a villager should be told when some are not signed. */
export function coverage(c: DemoContext): string {
  const b = c.books;
  if (!b || b.months.length === 0) return '';
  const missing = months(c.q).filter((m) => !b.months.some((x) => monthName(x) === m));
  return missing.length ? `（${missing.join('、')}的账还没有签字公示，未计入）` : '';
}

export const NO_BOOKS = '本季度还没有经民主理财小组签字公示的账目，公示后一并公开。';

/** Rows of the quarter's books that match, in date order. */
export function rowsOf(c: DemoContext, match: (r: DemoBooks['rows'][number]) => boolean): DemoBooks['rows'] {
  return (c.books?.rows ?? []).filter(match).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** Sums rows by counterparty, in the order each first appears. */
export function byCounterparty(rows: DemoBooks['rows']): { name: string; summary: string; fen: number }[] {
  const out: { name: string; summary: string; fen: number }[] = [];
  for (const r of rows) {
    const hit = out.find((o) => o.name === r.counterparty);
    if (hit) hit.fen += r.amountFen;
    else out.push({ name: r.counterparty, summary: r.summary, fen: r.amountFen });
  }
  return out;
}

/**
 * A household's certified farmland: fixed per household, not drawn anew each quarter. 杨家村's
 * first household is the one whose area the demo's correction fixes (6.0 typed, 6.8 certified).
 */
export function demoLandMu(villageId: string, index: number, head: { name: string; idMasked: string }): number {
  if (villageId === 'yangjia' && index === 0) return 6.8;
  return numbers(`mu:${villageId}:${head.name}:${head.idMasked}`)(20, 110) / 10;
}
