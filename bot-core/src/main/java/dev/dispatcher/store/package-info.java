/** Durable state in SQLite or PostgreSQL: decisions, flags, corrections, processed events, and the schema migrations. */
package dev.dispatcher.store;
