/**
 * What the DocStore contract cannot say adapter-neutrally about CloudBase, and the one marker for the
 * real-CloudBase run (tests/adapters/contract/harness.ts runs every topic there when credentials are set).
 */
import { CloudBaseDocStore } from '../../cloudfunctions/adapters/cloudbase/docstore';
import { hasCloudBaseCredentials, onCloudBaseEmulator } from './contract/harness';

onCloudBaseEmulator((db) => {
  it('writing to a collection nobody created fails, as on CloudBase', async () => {
    const store = new CloudBaseDocStore(db());
    await expect(store.collection('never_created').add({ _id: 'x' })).rejects.toMatchObject({ code: 'DATABASE_COLLECTION_NOT_EXIST' });
  });
});

if (!hasCloudBaseCredentials) {
  describe.skip('DocStore contract on CloudBase (skipped: set TCB_ENV_ID, TCB_SECRET_ID and TCB_SECRET_KEY to run)', () => {
    it('runs the whole DocStore contract against a real CloudBase environment', () => undefined);
  });
}
