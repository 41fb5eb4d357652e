package dev.dispatcher.answer;

import java.util.function.Consumer;

/**
 * A chat model that answers a prompt, streaming its text as it comes: the one seam between the answers and a model
 * provider. {@link LangChainModel} is the real one; tests use fake providers on loopback behind it.
 */
public interface SpecialistModel {

    /**
     * Asks for an answer and waits for it.
     *
     * @param onText called with each piece of text as it arrives, on the provider client's threads
     * @return the complete answer
     * @throws ModelFailure when no usable answer came
     */
    ModelReply answer(ModelPrompt prompt, Consumer<String> onText) throws ModelFailure;
}
