/**
 * {@code ./dispatcher check}'s lints of a knowledge base that loads: terms two specialists claim alike, examples that
 * route elsewhere, template placeholders never filled, documents without sections, links to sections that do not exist.
 */
package dev.dispatcher.lint;
