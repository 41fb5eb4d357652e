package dev.dispatcher.knowledge;

import dev.dispatcher.routing.ConfigException;
import dev.dispatcher.routing.Specialist;
import dev.dispatcher.routing.SpecialistCatalog;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The seed's prompt templates, one per specialist, and the activation template that wraps them; read once at start-up
 * from the knowledge-base folder.
 *
 * <p>Placeholders are the seed's: {@code {user_task}} in a specialist template; {@code {subagent_name}},
 * {@code {knowledge_base_file}}, {@code {user_task}} and {@code {subagent_specific_prompt}} in the activation template.
 * Immutable and thread-safe.
 */
public final class PromptTemplates {

    private final String activation;
    private final Map<String, String> bySpecialist = new HashMap<>();

    /**
     * @throws ConfigException naming the template file that is missing or lacks its placeholder
     */
    public PromptTemplates(Path root, SpecialistCatalog catalog) {
        Path activationFile = root.resolve(catalog.activationTemplate());
        this.activation = read(activationFile);
        if (!activation.contains("{subagent_specific_prompt}")) {
            throw new ConfigException(activationFile, "", "the activation template needs {subagent_specific_prompt}");
        }
        for (Specialist s : catalog.specialists()) {
            Path file = root.resolve(s.template());
            String template = read(file);
            if (!template.contains("{user_task}")) {
                throw new ConfigException(file, "", "the template for " + s.id() + " needs the {user_task} placeholder");
            }
            bySpecialist.put(s.id(), template);
        }
    }

    /**
     * The activation prompt for a specialist: the activation template around the specialist's own, with the task in.
     *
     * @param specialistId  who gets the task
     * @param knowledgeFile the document named in the prompt
     * @param task          the user's task, verbatim
     */
    public String render(String specialistId, String knowledgeFile, String task) {
        String specific = bySpecialist.get(specialistId);
        if (specific == null) {
            throw new IllegalArgumentException("no template for specialist '" + specialistId + "'");
        }
        // Fill the task last and in one pass each, so braces typed by the user are never read as placeholders.
        String inner = specific.strip();
        String outer = activation.strip()
                .replace("{subagent_name}", specialistId)
                .replace("{knowledge_base_file}", "/" + knowledgeFile);
        int at = outer.indexOf("{subagent_specific_prompt}");
        String before = outer.substring(0, at);
        String after = outer.substring(at + "{subagent_specific_prompt}".length());
        return fill(before, task) + fill(inner, task) + fill(after, task);
    }

    private static String fill(String text, String task) {
        return text.replace("{user_task}", task);
    }

    private static String read(Path file) {
        try {
            return TextFile.read(file);
        } catch (TextFile.Unreadable e) {
            throw new ConfigException(file, "", "cannot read the template: " + e.reason());
        }
    }
}
