import type { Caller } from '../ports/caller';
import type { DocStore } from '../ports/docstore';

/**
 * Dev personas exist only in the local host: they stand in for the OPENID the platform injects
 * in production. A request names one in the `x-dev-persona` header; anything unknown is a visitor.
 */
export interface PersonaDoc {
  _id: string;
  /** What the switcher shows, e.g. 杨家村 · 监委会主任 杨树林 */
  label: string;
  openid: string;
  villageId: string | null;
  /** Roles this persona is meant to demonstrate (bound for real by later capabilities). */
  roles: string[];
  [k: string]: unknown;
}

export const PERSONAS = 'dev_personas';
export const PERSONA_HEADER = 'x-dev-persona';

export async function listPersonas(store: DocStore): Promise<PersonaDoc[]> {
  return store.collection<PersonaDoc>(PERSONAS).find({ orderBy: [['label', 'asc']], limit: 1000 });
}

export async function callerFor(store: DocStore, personaId: string | undefined): Promise<Caller> {
  if (!personaId || personaId.length > 64) return { openid: null };
  const persona = await store.collection<PersonaDoc>(PERSONAS).get(personaId);
  return { openid: persona ? persona.openid : null };
}
