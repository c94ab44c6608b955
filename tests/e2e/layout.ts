import type { Page } from 'playwright-core';
import type { App } from './app';

/**
 * Layout checks for small phones and 长辈模式: what a person squinting at a 360 px screen would
 * notice. Each check returns what it found wrong, in words and with a selector, so a failure says
 * which text on which page to fix.
 */

/** The smallest phone we design for (many villagers' Android phones), and its usual height. */
export const SMALL_PHONE = { width: 360, height: 640 };

/** A phone at 360×640 as `persona`, with 长辈模式 on or off before the app loads. */
export async function smallPhone(app: App, persona: string | undefined, o: { elder: boolean }): Promise<Page> {
  const page = await app.phone(persona);
  await page.setViewportSize(SMALL_PHONE);
  // Taro's H5 storage keeps values as JSON in localStorage; elder.ts reads `elderMode`.
  await page.context().addInitScript((on) => localStorage.setItem('elderMode', JSON.stringify({ data: on })), o.elder);
  return page;
}

/** Waits for the page on screen to finish loading (no skeleton), then for late rows and fonts. */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const shown = Array.from(document.querySelectorAll<HTMLElement>('.taro_page')).filter(
      (p) => p.offsetParent !== null || getComputedStyle(p).display !== 'none',
    );
    const current = shown[shown.length - 1];
    return !!current && current.innerText.trim().length > 0 && !current.querySelector('[aria-busy="true"]');
  });
  // Lists are drawn a few rows per task (QuarterEntries) and fonts swap in: let them land.
  await page.waitForTimeout(700);
}

export interface LayoutReport {
  /** Visible text under the minimum size: "selector 'text' 11px". */
  smallText: string[];
  /** The page is wider than the screen, or an element sticks out of it. */
  overflow: string[];
  /** Titles of list rows that wrap in less than most of the row's width. */
  squeezedTitles: string[];
  /** Masked ID numbers broken over more than one line. */
  brokenIds: string[];
  /** Text fields with no border one can see. */
  borderlessInputs: string[];
}

/**
 * Measures the page as rendered. `minFont` is in CSS pixels (12 normally, 16 in 长辈模式);
 * `exempt` lists selectors whose text may be smaller (each with its reason at the call site).
 */
export async function measureLayout(page: Page, o: { minFont: number; exempt?: string[] }): Promise<LayoutReport> {
  return page.evaluate(
    ({ minFont, exempt }) => {
      const W = window.innerWidth;
      const visible = (el: Element): boolean => {
        const r = el.getBoundingClientRect();
        if (r.width < 1 || r.height < 1) return false;
        const s = getComputedStyle(el);
        return s.visibility !== 'hidden' && Number(s.opacity) > 0.05;
      };
      const describe = (el: Element): string => {
        const parts: string[] = [];
        let e: Element | null = el;
        for (let i = 0; e && i < 3; i++, e = e.parentElement) {
          const cls = Array.from(e.classList)
            .filter((c) => !/^(taro_|hydrated)/.test(c))
            .slice(0, 2);
          parts.unshift(`${e.tagName.toLowerCase()}${cls.length ? `.${cls.join('.')}` : ''}`);
        }
        return parts.join(' > ');
      };
      const ownText = (el: Element): string =>
        Array.from(el.childNodes)
          .filter((n) => n.nodeType === Node.TEXT_NODE)
          .map((n) => n.textContent ?? '')
          .join('')
          .replace(/\s+/g, ' ')
          .trim();
      const isExempt = (el: Element) => (exempt ?? []).some((sel) => el.closest(sel));
      const all = Array.from(document.body.querySelectorAll('*')).filter(visible);

      const smallText: string[] = [];
      for (const el of all) {
        const tag = el.tagName.toLowerCase();
        const text = tag === 'input' || tag === 'textarea' ? (el as HTMLInputElement).value || (el as HTMLInputElement).placeholder : ownText(el);
        if (!text || tag === 'script' || tag === 'style' || isExempt(el)) continue;
        const size = parseFloat(getComputedStyle(el).fontSize);
        if (size < minFont - 0.05) smallText.push(`${describe(el)} “${text.slice(0, 30)}” ${size.toFixed(1)}px`);
      }

      // Something wider than the screen scrolls the whole page sideways: checked on the document
      // and on each element not inside a box that clips or scrolls it on purpose.
      // Taro's H5 pages scroll inside their own containers, so those count as the page too.
      const overflow: string[] = [];
      const sw = Math.max(document.documentElement.scrollWidth, document.body.scrollWidth);
      if (sw > W + 1) overflow.push(`page is ${sw}px wide on a ${W}px screen`);
      const pageLevel = (el: Element) => el.classList.contains('taro_page') || !!el.querySelector('.taro_page');
      for (const el of all.filter(pageLevel)) {
        if (el.scrollWidth > el.clientWidth + 1) overflow.push(`${describe(el)} scrolls sideways: ${el.scrollWidth}px in ${el.clientWidth}px`);
      }
      // Inside a page, a box that scrolls or clips on purpose (a wide table) excuses what it holds.
      const clipped = (el: Element): boolean => {
        for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
          if (!pageLevel(p) && getComputedStyle(p).overflowX !== 'visible') return true;
        }
        return false;
      };
      for (const el of all) {
        const r = el.getBoundingClientRect();
        if ((r.right > W + 1 || r.left < -1) && !clipped(el))
          overflow.push(`${describe(el)} “${(el.textContent ?? '').trim().slice(0, 20)}” spans ${Math.round(r.left)}–${Math.round(r.right)}px`);
      }

      // A row title that needs two or more lines should have most of the row, not share it with a
      // wide right-hand column (the issue saw item titles squeezed to ~180 px on a 360 px phone).
      const squeezedTitles: string[] = [];
      for (const title of all.filter((el) => el.classList.contains('nut-cell-title'))) {
        const cell = title.closest('.nut-cell');
        if (!cell || isExempt(title)) continue;
        const line = parseFloat(getComputedStyle(title).lineHeight) || parseFloat(getComputedStyle(title).fontSize) * 1.5;
        const t = title.getBoundingClientRect();
        // The first child holds the title text; its height says whether it wrapped.
        const text = (title.firstElementChild ?? title) as Element;
        const wraps = text.getBoundingClientRect().height > line * 1.5;
        const share = t.width / cell.getBoundingClientRect().width;
        if (wraps && share < 0.5)
          squeezedTitles.push(
            `${describe(title)} “${(title.textContent ?? '').trim().slice(0, 24)}” wraps in ${Math.round(t.width)}px (${Math.round(share * 100)}% of its row)`,
          );
      }

      // Masked ID numbers (3703**********1234): read as one token, so they must not break.
      const brokenIds: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      const ID = /\d{2,6}\*{6,}\d{2,4}[\dXx]?/g;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const parent = n.parentElement;
        if (!parent || !visible(parent)) continue;
        for (const m of (n.textContent ?? '').matchAll(ID)) {
          const range = document.createRange();
          range.setStart(n, m.index ?? 0);
          range.setEnd(n, (m.index ?? 0) + m[0].length);
          const tops = new Set(
            Array.from(range.getClientRects())
              .filter((r) => r.width > 0)
              .map((r) => Math.round(r.top)),
          );
          if (tops.size > 1) brokenIds.push(`${describe(parent)} “${m[0]}” on ${tops.size} lines`);
        }
      }

      // A field must look like a field: a border (or underline) that stands out from the page,
      // on the field or on one of the wrappers NutUI and Taro put around it.
      const lum = (c: string): number | null => {
        const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/.exec(c);
        if (!m || (m[4] !== undefined && Number(m[4]) < 0.5)) return null;
        const ch = [m[1], m[2], m[3]].map((v) => {
          const x = Number(v) / 255;
          return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * ch[0] + 0.7152 * ch[1] + 0.0722 * ch[2];
      };
      const background = (el: Element): number => {
        for (let p: Element | null = el; p; p = p.parentElement) {
          const l = lum(getComputedStyle(p).backgroundColor);
          if (l !== null) return l;
        }
        return 1;
      };
      const borderless: string[] = [];
      const fields = all.filter((el) => {
        const tag = el.tagName.toLowerCase();
        return (tag === 'input' && !['checkbox', 'radio', 'file', 'hidden'].includes((el as HTMLInputElement).type)) || tag === 'textarea';
      });
      for (const field of fields) {
        if (isExempt(field) || field.closest('.file-pick')) continue;
        let seen = false;
        let e: Element | null = field;
        for (let i = 0; e && i < 4 && !seen; i++, e = e.parentElement) {
          const s = getComputedStyle(e);
          const bg = background(e.parentElement ?? e);
          for (const side of ['Top', 'Right', 'Bottom', 'Left'] as const) {
            const width = parseFloat(s.getPropertyValue(`border-${side.toLowerCase()}-width`));
            const style = s.getPropertyValue(`border-${side.toLowerCase()}-style`);
            const l = lum(s.getPropertyValue(`border-${side.toLowerCase()}-color`));
            if (width < 1 || style === 'none' || l === null) continue;
            // WCAG 1.4.11: a field's boundary needs 3:1 against what is around it.
            const ratio = (Math.max(l, bg) + 0.05) / (Math.min(l, bg) + 0.05);
            if (ratio >= 3 && (side === 'Bottom' || side === 'Top')) seen = true;
          }
        }
        if (!seen) borderless.push(`${describe(field)} “${(field as HTMLInputElement).placeholder || (field as HTMLInputElement).name}”`);
      }

      return { smallText, overflow: overflow.slice(0, 10), squeezedTitles, brokenIds, borderlessInputs: borderless };
    },
    { minFont: o.minFont, exempt: o.exempt ?? [] },
  );
}
