/**
 * The routing dashboard, {@code ./dispatcher web}: what the store says about routing (accuracy over time, confusions,
 * fallbacks, flagged decisions), and the command line's fixes (forget, confirm, export, suggest) in a browser. Plain
 * JDK HTTP server, jte templates compiled at build time, ECharts from its webjar.
 */
package dev.dispatcher.web;
