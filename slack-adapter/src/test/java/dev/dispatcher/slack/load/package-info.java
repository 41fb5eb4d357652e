/**
 * The Slack load run ({@link dev.dispatcher.slack.load.SlackLoadRun}): signed slash commands at rising rates against the
 * real bot and against a no-op Bolt app, start-up time and resident memory; a command, never part of {@code mvn verify}.
 */
package dev.dispatcher.slack.load;
