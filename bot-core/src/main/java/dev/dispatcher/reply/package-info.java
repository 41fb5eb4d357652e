/** The platform-neutral answer to a task and its terminal and JSON renderings. */
package dev.dispatcher.reply;
