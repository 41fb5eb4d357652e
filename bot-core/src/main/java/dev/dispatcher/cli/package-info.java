/**
 * The {@code ./dispatcher} command line without a chat platform, on picocli: one small class per command
 * ({@code ShellCommand}, {@code RouteCommand}, {@code EvalCommand}, …) registered in {@code Cli}, and the argument
 * check both bots share ({@code BotArguments}).
 */
package dev.dispatcher.cli;
