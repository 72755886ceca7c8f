export { StoreError } from './errors.js';
export type { StoreErrorCode } from './errors.js';
export { openStore } from './open.js';
export { postgresStore } from './postgres.js';
export { REPORT_BY } from './report.js';
export type { DailyCount, Report, ReportBy, ReportCounts, ReportGroup, ReportQuery } from './report.js';
export { SCHEMA_VERSION } from './schema.js';
export { sqliteStore } from './sqlite.js';
export type { Store, StoreOptions } from './store.js';
