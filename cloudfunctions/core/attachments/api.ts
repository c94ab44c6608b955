// Files that reach a function through storage: the one face capabilities import.
// Rosters and ledgers are read straight from the incoming folder, then dropped.
export { dropIncoming, takeIncoming } from './incoming';
// Attachments, vouchers and photos are kept, cleaned and opened the same way whoever names them.
export { attachmentViews, attachmentViewsOf, resolveAttachments, storeUpload, type StoredAttachment } from './uploads';
// A redaction (disclosure) that removes an attachment forgets its upload with it.
export { forgetUploads } from './uploads';
