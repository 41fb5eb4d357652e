/**
 * The Discord front end on JDA 5: {@code /route}, mentions of the bot, "Route this message", misroute reactions and the
 * correction menu.
 *
 * <p>Each listener translates one Discord surface into the core's {@code InboundEvent} and hands it to the core's
 * pipeline through {@code DiscordIntake}; the core answers through {@code DiscordOutput}, which renders with
 * {@link dev.dispatcher.discord.DiscordReplies}. {@link dev.dispatcher.discord.DiscordBot} wires them to a shard manager,
 * and {@link dev.dispatcher.discord.DiscordMain} is the process entry point.
 *
 * <p>Operating it: requests to Discord go through {@code DiscordCalls} (counted for {@code /metrics}, tracked in
 * flight), events through {@code GatedEventManager} (closed at shutdown), and {@code GracefulShutdown} is what SIGTERM
 * runs.
 */
package dev.dispatcher.discord;
