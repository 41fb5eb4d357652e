package dev.dispatcher.web;

/**
 * The keyword suggestions {@code ./dispatcher suggest} prints.
 *
 * @param yaml the suggestions as YAML to paste into {@code routing.yaml}, or a sentence saying there are none
 */
public record SuggestionsModel(String yaml) {}
