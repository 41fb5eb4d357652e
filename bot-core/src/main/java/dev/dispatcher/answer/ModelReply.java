package dev.dispatcher.answer;

/**
 * A model's complete answer.
 *
 * @param text      the answer
 * @param tokensIn  prompt tokens the provider counted (0 when it did not say)
 * @param tokensOut answer tokens the provider counted (0 when it did not say)
 */
public record ModelReply(String text, long tokensIn, long tokensOut) {}
