/**
 * The Discord start-up and memory run ({@link dev.dispatcher.discord.load.DiscordLoadRun}): the real bot and a
 * baseline JDA bot, each in its own JVM, driven through JDA against a fake Discord on loopback; time to ready and
 * resident memory after 10 000 {@code /route} interactions. A command, never part of {@code mvn verify}.
 */
package dev.dispatcher.discord.load;
