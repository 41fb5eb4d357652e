/** The {@code ./dispatcher} command line without a chat platform: shell, route, eval, stats, forget, suggest, export. */
package dev.dispatcher.cli;
