/** @jest-environment jsdom */
import { render, screen } from '@testing-library/react';
import { DateField } from '../../src/components/DateField';
import { missingOf, StillNeeded } from '../../src/components/FormHints';
import { lastDayOfMonth } from '../../src/services/china-time';

describe('a form says what it still needs', () => {
  it('lists only the requirements not yet met, in order', () => {
    expect(missingOf([false, '写原因', null, undefined, '', '选择办理人'])).toEqual(['写原因', '选择办理人']);
    const { container, rerender } = render(<StillNeeded items={['选择大事、小事或私事', '写分流理由']} />);
    expect(container.textContent).toBe('还差：选择大事、小事或私事；写分流理由');
    rerender(<StillNeeded items={[false, false]} />);
    expect(container.textContent).toBe('');
  });

  it('offers a calendar limited to the days the form accepts, marked as required', () => {
    render(<DateField label="日期" required value="" start="2028-02-01" end={lastDayOfMonth('2028-02')} onChange={() => undefined} />);
    const field = screen.getByLabelText('日期') as HTMLInputElement;
    expect(field.type).toBe('date');
    expect([field.min, field.max]).toEqual(['2028-02-01', '2028-02-29']);
    expect(screen.getByLabelText('必填').textContent).toBe('*');
  });

  it('knows the last day of every month, leap years included', () => {
    expect(['2026-02', '2028-02', '2100-02', '2000-02', '2026-04', '2026-12'].map(lastDayOfMonth)).toEqual([
      '2026-02-28',
      '2028-02-29',
      '2100-02-28',
      '2000-02-29',
      '2026-04-30',
      '2026-12-31',
    ]);
  });
});
