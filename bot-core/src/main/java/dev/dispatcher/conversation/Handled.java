package dev.dispatcher.conversation;

/**
 * What a flow did with an event, for its log line: the decision involved and the specialist it went (or was corrected)
 * to, either possibly {@code null}.
 */
record Handled(String decisionId, String specialist) {

    static final Handled NOTHING = new Handled(null, null);
}
