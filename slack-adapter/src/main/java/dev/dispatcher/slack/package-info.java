/**
 * The Slack front end (Bolt for Java): where a Slack slash command, mention, reaction or button becomes a call to the
 * platform-free core, and where the core's answer becomes Block Kit.
 *
 * <p>{@link dev.dispatcher.slack.SlackMain} reads the settings and starts a {@code SlackProcess}: the Bolt app on its
 * connection ({@code HttpConnection} or {@code SocketModeConnection}), the admin endpoints, and the order of a graceful
 * shutdown. {@link dev.dispatcher.slack.SlackBot} wires one handler per Slack surface ({@code RouteCommand},
 * {@code MentionHandler}, {@code ReactionHandler}, {@code CorrectionAction}, {@code RouteMessageShortcut}); each
 * translates its payload into the core's {@code InboundEvent} and hands it to the core's pipeline through
 * {@code SlackIntake}. The core answers through {@code SlackOutput}: {@code SlackReplies} and {@code MisrouteMessages}
 * render; {@code SlackPoster} talks to the Web API with bounded retries and counts its calls.
 * Every text a user typed is escaped with {@code SlackText.escape} before it is echoed.
 */
package dev.dispatcher.slack;
