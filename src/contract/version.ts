/** The JSON report's schemaVersion: changes only when a field changes meaning or goes away. */
export const SCHEMA_VERSION = 1;
