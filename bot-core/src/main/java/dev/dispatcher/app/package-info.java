/** Wiring of the platform-free bot: settings read from the environment and the one {@code BotCore} every front end builds. */
package dev.dispatcher.app;
