package dev.dispatcher.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a small, complete knowledge base into a folder: two specialists ({@code alpha-architect} owning "widget",
 * {@code beta-architect} owning "gadget") plus the {@code overview-architect} fallback, with templates and documents.
 * Tests change one piece (a weight, a missing file, a broken field) to specify one behaviour.
 */
public final class MiniKnowledgeBase {

    public static final String ROUTING = """
            settings:
              fallbackSpecialist: overview-architect
              minConfidence: 0.30
              minEvidence: 1.0
              alsoConsiderShare: 0.30
              maxTaskChars: 100
            activationTemplate: templates/activation.txt
            specialists:
              - id: alpha-architect
                displayName: Alpha
                emoji: "🅰️"
                description: Widgets
                priority: 1
                document: docs/alpha.md
                template: templates/alpha.txt
                keywords: {widget: 3, shared: 2}
              - id: beta-architect
                displayName: Beta
                emoji: "🅱️"
                description: Gadgets
                priority: 2
                document: docs/beta.md
                template: templates/beta.txt
                keywords: {gadget: 3, shared: 2}
                phrases: {"gizmo factory": 3}
              - id: overview-architect
                displayName: Overview
                emoji: ""
                description: Everything else
                priority: 3
                document: docs/overview.md
                template: templates/overview.txt
                keywords: {architecture: 3}
            """;

    /** A fourth specialist to append to {@link #ROUTING}, for tests of a configuration that grew. */
    public static final String GAMMA = """
              - id: gamma-architect
                displayName: Gamma
                description: Gizmos
                priority: 4
                document: docs/alpha.md
                template: templates/alpha.txt
                keywords: {gizmo: 3}
            """;

    private final Path root;

    private MiniKnowledgeBase(Path root) {
        this.root = root;
    }

    public static MiniKnowledgeBase in(Path root) {
        MiniKnowledgeBase kb = new MiniKnowledgeBase(root);
        kb.write("routing.yaml", ROUTING);
        kb.write("templates/activation.txt", "ROUTED TO: {subagent_name}\nKNOWLEDGE BASE: {knowledge_base_file}\nORIGINAL TASK: {user_task}\n\n{subagent_specific_prompt}\n");
        for (String id : new String[] {"alpha", "beta", "overview"}) {
            kb.write("templates/" + id + ".txt", "You are the " + id + "-architect.\nTASK: {user_task}\n");
        }
        kb.write("docs/alpha.md", "# Alpha\n\nWidgets.\n\n## Widget assembly\n\nAssemble each widget from sprockets and flanges.\n");
        kb.write("docs/beta.md", "# Beta\n\nGadgets.\n\n## Zebra stripes\n\nZebra stripes on a gadget need the stripe painter and a stencil.\n"
                + "\n## Gadget storage\n\nStore each gadget in a crate.\n");
        kb.write("docs/overview.md", "# Overview\n\nHow the pieces fit.\n\n## Architecture\n\nThe big picture of widgets and gadgets.\n");
        return kb;
    }

    public MiniKnowledgeBase write(String file, String content) {
        try {
            Path path = root.resolve(file);
            Files.createDirectories(path.getParent());
            Files.writeString(path, content);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public MiniKnowledgeBase delete(String file) {
        try {
            Files.delete(root.resolve(file));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces text in routing.yaml, e.g. to break one field. */
    public MiniKnowledgeBase editRouting(String from, String to) {
        try {
            Path path = root.resolve("routing.yaml");
            String content = Files.readString(path);
            if (!content.contains(from)) {
                throw new IllegalArgumentException("routing.yaml has no '" + from + "'");
            }
            Files.writeString(path, content.replace(from, to));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path root() {
        return root;
    }

    public Path routingFile() {
        return root.resolve("routing.yaml");
    }
}
