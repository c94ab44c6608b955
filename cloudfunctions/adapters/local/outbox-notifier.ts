import type { DocStore } from '../../ports/docstore';
import type { Notice, Notifier } from '../../ports/notifier';

export const OUTBOX = 'dev_outbox';

/**
 * Locally there is no WeChat to deliver subscribe messages, so they are recorded in a
 * collection of their own: what production would have sent, to whom, opening which page.
 */
export class OutboxNotifier implements Notifier {
  private seq = 0;
  constructor(
    private readonly store: DocStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async send(openids: string[], notice: Notice): Promise<void> {
    if (openids.length === 0) return;
    const at = this.now().toISOString();
    this.seq += 1;
    await this.store.collection(OUTBOX).add({ _id: `${at}:${process.pid}:${this.seq}`, at, openids, ...notice });
  }
}
