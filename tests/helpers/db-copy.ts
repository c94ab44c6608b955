import Database from 'better-sqlite3';

/**
 * The database file as whoever holds a copy of it reads it: opened read-only, with no key, for
 * `read` to look through; closed again whatever `read` does.
 */
export function readCopy<T>(dbFile: string, read: (db: Database.Database) => T): T {
  const db = new Database(dbFile, { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

/** Every stored byte of the database file, every row of every table, as one text to search. */
export function storedText(dbFile: string): string {
  return readCopy(dbFile, (db) =>
    db
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`)
      .all()
      .map((r) => JSON.stringify(db.prepare(`SELECT * FROM "${(r as { name: string }).name}"`).all()))
      .join('\n'),
  );
}

/** The stored JSON of each document of a collection's table (`c_<collection>`), as it is in the file. */
export function storedDocs(dbFile: string, collection: string): string[] {
  return readCopy(dbFile, (db) =>
    db
      .prepare(`SELECT data FROM "c_${collection}"`)
      .all()
      .map((r) => (r as { data: string }).data),
  );
}
