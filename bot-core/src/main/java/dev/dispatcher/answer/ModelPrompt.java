package dev.dispatcher.answer;

/**
 * What a model is sent: the house rules as the system message, the seed's prompt (activation and specialist templates
 * with the task, the knowledge-base sections, the response format) as the user message.
 *
 * @param system   the rules the task cannot override
 * @param user     the seed's prompt
 * @param template whose template it is, for statistics
 * @param sources  the sections it quotes, numbered from 1 in that order
 */
public record ModelPrompt(String system, String user, String template, java.util.List<Excerpt> sources) {

    public ModelPrompt {
        sources = java.util.List.copyOf(sources);
    }

    /** The prompt's size in characters, both messages together. */
    public int length() {
        return system.length() + user.length();
    }
}
