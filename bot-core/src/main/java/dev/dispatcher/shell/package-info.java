/** The local front end: a terminal chat with the bot, the whole loop without a network. */
package dev.dispatcher.shell;
