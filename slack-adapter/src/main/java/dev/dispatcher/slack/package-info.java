/**
 * The Slack front end (Bolt for Java): where a Slack slash command, mention, reaction or button becomes a call to the
 * platform-free core, and where the core's answer becomes Block Kit.
 *
 * <p>{@link dev.dispatcher.slack.SlackMain} reads the settings and starts the process; {@link dev.dispatcher.slack.SlackBot}
 * wires one handler per Slack surface ({@code RouteCommand}, {@code MentionHandler}, {@code ReactionHandler},
 * {@code CorrectionAction}); {@code SlackReplies} and {@code MisrouteMessages} render; {@code SlackPoster} talks to the
 * Web API with bounded retries. Every text a user typed is escaped with {@code SlackText.escape} before it is echoed.
 */
package dev.dispatcher.slack;
