import { fireEvent, waitFor, within } from '@testing-library/react';

/**
 * The native box inside a NutUI Input / TextArea. Its Taro wrapper carries the placeholder too,
 * and draws the native box a moment after mounting.
 */
export function box(scope: HTMLElement, placeholder: string): Promise<HTMLElement> {
  return waitFor(() => {
    const found = within(scope)
      .getAllByPlaceholderText(placeholder)
      .find((e) => e.tagName === 'INPUT' || e.tagName === 'TEXTAREA');
    if (!found) throw new Error(`no box with placeholder ${placeholder}`);
    return found;
  });
}

/** Types into a NutUI Input / TextArea as a person would: the native box gets an input event. */
export async function type(scope: HTMLElement, placeholder: string, value: string): Promise<void> {
  fireEvent.input(await box(scope, placeholder), { target: { value } });
}

/** Chooses a day in a DateField (H5 renders the browser's own date input, named by its label). */
export function pickDate(scope: HTMLElement, label: string, day: string): void {
  const field = within(scope).getByLabelText(label) as HTMLInputElement;
  if (field.type !== 'date') throw new Error(`${label} is not a date field`);
  fireEvent.change(field, { target: { value: day } });
}

/** The day a DateField shows. */
export function dateIn(scope: HTMLElement, label: string): string {
  return (within(scope).getByLabelText(label) as HTMLInputElement).value;
}
