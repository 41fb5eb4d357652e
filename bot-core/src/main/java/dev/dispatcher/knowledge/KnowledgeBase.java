package dev.dispatcher.knowledge;

import dev.dispatcher.eval.EvalCase;
import dev.dispatcher.eval.EvalCases;
import dev.dispatcher.routing.ConfigException;
import dev.dispatcher.routing.Specialist;
import dev.dispatcher.routing.SpecialistCatalog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The specialists' documents under the knowledge-base root, split into sections, and the links replies point at.
 *
 * <p>A document that is not there does not stop the bot: it is logged once as a warning naming the file, and
 * {@link #isMissing(String)} tells the router to fall back, as the seed prescribes. A document that is there but
 * cannot be read (not UTF-8, a folder) is a configuration error. Immutable and thread-safe.
 */
public final class KnowledgeBase {

    private static final Logger LOG = LoggerFactory.getLogger(KnowledgeBase.class);

    private final Path root;
    private final String linkBase;
    private final Map<String, String> displayPaths = new LinkedHashMap<>();
    private final Map<String, Path> missing = new LinkedHashMap<>();
    private final List<Section> sections = new ArrayList<>();
    private final List<EvalCase> examples = new ArrayList<>();
    private final dev.dispatcher.routing.Conventions conventions;

    /**
     * Reads every specialist's document.
     *
     * @param root     the knowledge-base folder (the one holding {@code routing.yaml})
     * @param catalog  the specialists whose documents to read
     * @param linkBase base URL for links, e.g. a repository's web URL; {@code null} or blank for plain paths
     */
    public KnowledgeBase(Path root, SpecialistCatalog catalog, String linkBase) {
        this.conventions = catalog.conventions();
        this.root = root;
        this.linkBase = linkBase == null || linkBase.isBlank() ? null : linkBase.replaceAll("/+$", "");
        String folder = root.toAbsolutePath().normalize().getFileName().toString();
        for (Specialist s : catalog.specialists()) {
            Path file = root.resolve(s.document()).normalize();
            String shown = folder + "/" + s.document().replace('\\', '/');
            displayPaths.put(s.id(), shown);
            try {
                sections.addAll(MarkdownSections.split(s.id(), TextFile.read(file)));
            } catch (TextFile.Unreadable e) {
                if (e.reason().equals(TextFile.NOT_FOUND)) {
                    // The seed's "missing documentation": the bot runs, and tasks for this specialist fall back.
                    missing.put(s.id(), Path.of(shown));
                    LOG.warn("knowledge base document for {} not found: {}; tasks for it fall back to {}",
                            s.id(), file, catalog.settings().fallbackSpecialist());
                } else {
                    // There but unusable (not UTF-8, a folder): a mistake to fix, not a document to do without.
                    throw new ConfigException(file, "", "the document of " + s.id() + " cannot be read: " + e.reason());
                }
            }
        }
        readExamples(catalog);
    }

    /**
     * Reads the labelled examples the configuration names; they are configuration, so a bad one stops start-up.
     *
     * @throws ConfigException naming the file and line of a malformed example or an unknown specialist
     */
    private void readExamples(SpecialistCatalog catalog) {
        if (catalog.examplesFile() == null) {
            return;
        }
        Path file = root.resolve(catalog.examplesFile());
        try {
            examples.addAll(EvalCases.read(file, catalog));
        } catch (TextFile.Unreadable e) {
            throw new ConfigException(file, "", "cannot read the labelled examples: " + e.reason());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(file, "", e.getMessage());
        }
    }

    /**
     * Requests labelled with their specialist and kind, from the configured examples file, labelled under the default
     * conventions ({@link dev.dispatcher.routing.Conventions#labelFor} gives a team's label).
     */
    public List<EvalCase> examples() {
        return List.copyOf(examples);
    }

    /** The examples as (text, specialist id) under the team's conventions, as the router learns them. */
    public List<Map.Entry<String, String>> labelledExamples() {
        return examples.stream().map(e -> Map.entry(e.text(), conventions.labelFor(e.kind(), e.label()))).toList();
    }

    public Path root() {
        return root;
    }

    public List<Section> sections() {
        return List.copyOf(sections);
    }

    /** Whether this specialist's document could not be read at start-up. */
    public boolean isMissing(String specialistId) {
        return missing.containsKey(specialistId);
    }

    /**
     * The file that was expected for a specialist whose document is missing, as replies show it: relative to the
     * knowledge base's parent ({@code knowledgebase/backend/auth.md}), never a path on the server.
     */
    public Optional<Path> missingFile(String specialistId) {
        return Optional.ofNullable(missing.get(specialistId));
    }

    /** The link to a specialist's document, at the given section when there is one. */
    public KnowledgeLink link(String specialistId, Section section) {
        String path = displayPaths.getOrDefault(specialistId, "knowledgebase");
        String base = linkBase == null ? path : linkBase + "/" + path;
        String anchor = section == null ? "" : "#" + section.anchor();
        return new KnowledgeLink(path, base + anchor, section == null ? null : section.heading());
    }
}
