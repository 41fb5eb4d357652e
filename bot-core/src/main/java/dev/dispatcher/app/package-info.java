/**
 * Wiring of the platform-free bot: settings read from the environment, the one {@code BotCore} every front end builds,
 * and the knowledge base it routes on, read into snapshots ({@code KnowledgeFiles}, {@code KnowledgeLoader}) that
 * {@code LiveKnowledge} swaps when the files change.
 */
package dev.dispatcher.app;
