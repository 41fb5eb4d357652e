package dev.dispatcher.lint;

import dev.dispatcher.knowledge.TextFile;
import dev.dispatcher.routing.Specialist;
import dev.dispatcher.routing.SpecialistCatalog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Placeholders in a prompt template that nothing fills, so they reach the prompt as written: a specialist's template
 * gets {@code {user_task}}; the activation template also {@code {subagent_name}}, {@code {knowledge_base_file}} and
 * {@code {subagent_specific_prompt}}.
 */
final class TemplatePlaceholders {

    static final Set<String> SPECIALIST = Set.of("user_task");
    static final Set<String> ACTIVATION = Set.of("user_task", "subagent_name", "knowledge_base_file", "subagent_specific_prompt");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)}");

    List<Warning> check(Path folder, SpecialistCatalog catalog) {
        List<Warning> warnings = new ArrayList<>();
        check(folder, catalog.activationTemplate(), ACTIVATION, warnings);
        Set<String> seen = new LinkedHashSet<>();
        for (Specialist s : catalog.specialists()) {
            if (seen.add(s.template())) {
                check(folder, s.template(), SPECIALIST, warnings);
            }
        }
        return warnings;
    }

    private static void check(Path folder, String template, Set<String> filled, List<Warning> warnings) {
        String text;
        try {
            text = TextFile.read(folder.resolve(template));
        } catch (TextFile.Unreadable e) {
            return;   // start-up's own check has said so already
        }
        Set<String> unfilled = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            if (!filled.contains(m.group(1))) {
                unfilled.add("{" + m.group(1) + "}");
            }
        }
        if (!unfilled.isEmpty()) {
            warnings.add(new Warning(template, String.join(", ", unfilled) + (unfilled.size() == 1 ? " is" : " are")
                    + " never filled, and would reach the prompt as written; this template gets "
                    + String.join(", ", filled.stream().sorted().map(p -> "{" + p + "}").toList())));
        }
    }
}
