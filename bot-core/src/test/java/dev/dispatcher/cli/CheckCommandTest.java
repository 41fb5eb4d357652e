package dev.dispatcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dispatcher.testkit.Cores;
import dev.dispatcher.testkit.MiniKnowledgeBase;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("'./dispatcher check'")
class CheckCommandTest {

    @TempDir
    Path dir;

    private MiniKnowledgeBase kb;
    private Map<String, String> env;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void miniKnowledgeBase() {
        kb = MiniKnowledgeBase.in(dir.resolve("kb"));
        // the mini knowledge base's one deliberate overlap, "shared", is made a decision: beta weighs it clearly higher
        kb.editRouting("keywords: {gadget: 3, shared: 2}", "keywords: {gadget: 3, shared: 4}");
        env = Cores.environment(dir);
        env.put("DISPATCHER_KB_DIR", kb.root().toString());
    }

    private int check() {
        Cli cli = new Cli(env, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return cli.run(new String[] {"check"}, new BufferedReader(new StringReader("")), false);
    }

    private List<String> warnings() {
        return Arrays.stream(out.toString(StandardCharsets.UTF_8).split("\n")).filter(l -> l.startsWith("warning: ")).toList();
    }

    @Test
    @DisplayName("a clean knowledge base: exit status 0, its version, no warnings, and the database never opened")
    void clean() {
        assertThat(check()).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).containsPattern(
                "valid, version [0-9a-f]{12}, 3 specialists, \\d+ sections, 0 examples; 0 warnings");
        assertThat(warnings()).isEmpty();
        assertThat(dir.resolve("dispatcher.db")).doesNotExist();
    }

    @Test
    @DisplayName("an error is exactly the one start-up gives, with exit status 2")
    void errorAsAtStartUp() {
        kb.editRouting("  minConfidence: 0.30", " minConfidence: 0.30");
        String atStartUp;
        try {
            Cores.start(env).close();
            throw new AssertionError("start-up took a broken routing.yaml");
        } catch (dev.dispatcher.routing.ConfigException e) {
            atStartUp = e.getMessage();
        }

        assertThat(check()).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).strip()).isEqualTo("error: the knowledge base cannot be used: " + atStartUp);
        assertThat(atStartUp).contains("line 3, column 2");
    }

    @Test
    @DisplayName("a document start-up cannot read is an error too")
    void unreadableDocument() throws Exception {
        Files.write(kb.root().resolve("docs/beta.md"), "# Beta\n\nGadgets für alle.\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(check()).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("docs/beta.md").contains("not valid UTF-8");
    }

    @Test
    @DisplayName("warns of a term two specialists claim with similar weights, after analysis")
    void sharedTerm() {
        kb.editRouting("keywords: {gadget: 3, shared: 4}", "keywords: {gadget: 3, shared: 4, widgets: 3.5}");
        assertThat(check()).isZero();
        assertThat(warnings()).containsExactly("warning: routing.yaml: 'widget' (alpha-architect, 3.0) and 'widgets' (beta-architect, 3.5)"
                + " are the same term with similar weights, so it decides nothing between them: weigh one clearly higher, or drop it from the other");
    }

    @Test
    @DisplayName("warns of labelled examples that route to another specialist")
    void examplesRoutingElsewhere() {
        kb.editRouting("activationTemplate: templates/activation.txt", "activationTemplate: templates/activation.txt\nexamples: examples.jsonl");
        // the same request labelled for two specialists: one of them cannot have it
        kb.write("examples.jsonl", "{\"text\": \"assemble the widget\", \"label\": \"alpha-architect\"}\n"
                + "{\"text\": \"store each gadget in a crate\", \"label\": \"alpha-architect\"}\n"
                + "{\"text\": \"store each gadget in a crate\", \"label\": \"beta-architect\"}\n");
        assertThat(check()).isZero();
        assertThat(warnings()).containsExactly("warning: examples.jsonl: 1 of 2 examples labelled alpha-architect route elsewhere:"
                + " \"store each gadget in a crate\" → beta-architect. Relabel them, or give alpha-architect the words they use");
    }

    @Test
    @DisplayName("warns of a template placeholder nothing fills")
    void unfilledPlaceholder() {
        kb.write("templates/beta.txt", "You are the beta-architect, helping {user_name}.\nTASK: {user_task}\n");
        assertThat(check()).isZero();
        assertThat(warnings()).containsExactly("warning: templates/beta.txt: {user_name} is never filled, and would reach the prompt"
                + " as written; this template gets {user_task}");
    }

    @Test
    @DisplayName("warns of a document without sections, and of one that is not there")
    void documentsWithoutSections() {
        kb.write("docs/overview.md", "# Overview\n\nHow the pieces fit, all in one paragraph.\n").delete("docs/alpha.md");
        assertThat(check()).isZero();
        assertThat(warnings()).containsExactly(
                "warning: docs/alpha.md: not found: tasks routed to alpha-architect fall back to overview-architect",
                "warning: docs/overview.md: has no sections ('## ' headings): replies can only link its top, and a task is"
                        + " matched against the whole document at once");
    }

    @Test
    @DisplayName("warns of links to a section or a file that does not exist; good links and links elsewhere pass")
    void brokenLinks() {
        kb.write("docs/beta.md", "# Beta\n\n## Gadget storage\n\nSee [assembly](alpha.md#widget-assembly), [storage](#gadget-storage),"
                + " [the site](https://example.com/#x), [nothing](#gadget-paint), [elsewhere](alpha.md#widget-paint) and [gone](gamma.md).\n"
                + "```\n[in code](#not-checked)\n```\n");
        assertThat(check()).isZero();
        assertThat(warnings()).containsExactly(
                "warning: docs/beta.md: the link (#gadget-paint) points at a section '#gadget-paint' that this document does not have",
                "warning: docs/beta.md: the link (alpha.md#widget-paint) points at a section '#widget-paint' that alpha.md does not have",
                "warning: docs/beta.md: the link (gamma.md) points at docs/gamma.md, which does not exist");
    }
}
