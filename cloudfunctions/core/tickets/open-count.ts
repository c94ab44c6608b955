import type { Ports } from '../../ports';
import { cmd } from '../../ports/docstore';
import { C } from '../collections';

/** Villagers' questions still waiting for an answer (open or escalated): the 明白账 (core/plain) says how many. */
export async function unansweredCount(ports: Ports, villageId: string): Promise<number> {
  return ports.store.collection(C.tickets).count({ villageId, state: cmd.in(['open', 'escalated']) });
}
