import type tcb from '@cloudbase/node-sdk';
import { inParallel } from '../../core/shared/parallel';
import type { Notice, Notifier } from '../../ports/notifier';

type App = ReturnType<typeof tcb.init>;

/**
 * WeChat subscribe messages through the cloud's open-API call. Each kind of notice needs a
 * template chosen in the mini-program console; its id comes from the environment
 * (`SUBSCRIBE_TEMPLATE_DISCLOSURE_PUBLISHED` …) and its field names from
 * `SUBSCRIBE_FIELDS_<KIND>` as `title=thing1,village=thing2,date=date3`, both set by
 * `npm run deploy` from config/subscribe.ts (the list the mini-program asks from). Without a template the
 * notice is skipped: the in-app inbox has it anyway. A refused message (the villager
 * unsubscribed) must not fail the write that caused it.
 */
export class CloudBaseNotifier implements Notifier {
  constructor(private readonly app: App) {}

  async send(openids: string[], notice: Notice): Promise<void> {
    const env = notice.kind.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
    const templateId = process.env[`SUBSCRIBE_TEMPLATE_${env}`];
    if (!templateId) return;
    const mapping = Object.fromEntries(
      (process.env[`SUBSCRIBE_FIELDS_${env}`] ?? '')
        .split(',')
        .map((pair) => pair.split('=').map((s) => s.trim()))
        .filter((p) => p.length === 2 && p[0] && p[1]),
    );
    const data = Object.fromEntries(
      Object.entries(notice.fields)
        .filter(([k]) => mapping[k])
        .map(([k, v]) => [mapping[k], { value: v.slice(0, 20) }]),
    );
    // One open-API request per person: in sequence, 3,000 followers would outlast the call.
    await inParallel(openids, async (touser) => {
      try {
        await this.app.callWxOpenApi({
          apiName: '/cgi-bin/message/subscribe/send',
          requestData: { touser, template_id: templateId, page: notice.page, data },
        });
      } catch (e) {
        console.error(JSON.stringify({ level: 'warn', notice: notice.kind, error: e instanceof Error ? e.message : String(e) }));
      }
    });
  }
}
