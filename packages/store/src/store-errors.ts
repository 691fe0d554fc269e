/** The errors the store port throws, each with a stable code. */

/** An instance changed since it was read (or, for a new instance, already exists): reload and retry. */
export class VersionConflictError extends Error {
  override readonly name = 'VersionConflictError';
  readonly code = 'VERSION_CONFLICT';
  constructor(readonly instanceKeys: readonly string[]) {
    super(`instance(s) ${instanceKeys.join(', ')} changed since they were read`);
  }
}

/** The database holds migrations this code does not know: a newer Operon wrote it. */
export class NewerSchemaError extends Error {
  override readonly name = 'NewerSchemaError';
  readonly code = 'STORE_SCHEMA_NEWER';
  constructor(
    readonly database: string,
    readonly unknownMigrations: readonly string[],
  ) {
    super(
      `The database ${database} was written by a newer version of Operon (migrations ${unknownMigrations.join(', ')} are unknown to this one). ` +
        'Run the newer Operon again, or point this one at another database; do not downgrade a database in place.',
    );
  }
}

/** The SQLite file is not a database or is damaged. */
export class CorruptDatabaseError extends Error {
  override readonly name = 'CorruptDatabaseError';
  readonly code = 'STORE_DATABASE_CORRUPT';
  constructor(
    readonly filename: string,
    readonly reason: string,
  ) {
    super(
      `The SQLite file ${filename} is not a usable Operon database (${reason}). ` +
        'Restore it from a backup, or move it away to start with an empty database.',
    );
  }
}

/** A page cursor that this store did not hand out (or of another query). */
export class InvalidCursorError extends Error {
  override readonly name = 'InvalidCursorError';
  readonly code = 'INVALID_CURSOR';
  constructor(readonly cursor: string) {
    super(`The page cursor '${cursor}' is not valid for this query; start again without a cursor.`);
  }
}
