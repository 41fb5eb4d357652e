/** Operating the bot: metrics, health and readiness endpoints, per-event log lines, and secret masking in logs. */
package dev.dispatcher.ops;
