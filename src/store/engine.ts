/** A row as the driver returns it. */
export type Row = Record<string, unknown>;

/** Runs one statement with `?` placeholders; resolves to the rows it returns (none for most writes). */
export type Query = (sql: string, params?: readonly unknown[]) => Promise<Row[]>;

/** What the store needs of a database driver: the part where SQLite and PostgreSQL differ. */
export interface Engine {
  readonly name: 'sqlite' | 'postgres';
  /** What the caller named the database by (`path`, `url`, `db`), for errors. */
  readonly field: string;
  /** Statements outside a transaction. */
  readonly query: Query;
  /**
   * Runs `work` in one transaction: durable when it resolves, rolled back when it throws. Write
   * transactions take turns (SQLite's write lock, an advisory lock on PostgreSQL).
   */
  transaction<T>(work: (query: Query) => Promise<T>): Promise<T>;
  /** How long a delivery waits for others to share its transaction, in milliseconds. */
  readonly gatherMs: number;
  /** Closes the connections; the store cannot be used after. */
  close(): Promise<void>;
}
