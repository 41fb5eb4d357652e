package dev.dispatcher.web;

/**
 * A task tried in the page's box, and the answer chat would give it (nothing is stored).
 *
 * @param task     what was typed
 * @param routedTo the specialist it goes to
 * @param answer   the routing analysis, notes and prompt, as the shell shows them
 * @param csrf     the token the box sends back when used again
 */
public record TryModel(String task, String routedTo, String answer, String csrf) {}
