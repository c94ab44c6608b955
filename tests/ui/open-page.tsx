import { Current } from '@tarojs/runtime';
import { type RenderResult, render } from '@testing-library/react';
import type { ComponentType } from 'react';
import { setDevPersona } from '../../src/services/dev-persona';

/**
 * Opens a page as Taro would: `Current.router` holds the route the page reads its params from,
 * and the dev persona is who the local host takes the caller to be. `persona` null signs out;
 * left out, the persona stays as it is (for pages that never call the host as someone).
 */
export function openPage(Page: ComponentType, path: string, params: Record<string, string> = {}, persona?: string | null): RenderResult {
  if (persona !== undefined) setDevPersona(persona);
  (Current as { router: unknown }).router = { params, path };
  return render(<Page />);
}
