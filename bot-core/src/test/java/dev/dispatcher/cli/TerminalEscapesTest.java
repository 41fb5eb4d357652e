package dev.dispatcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dispatcher.app.BotCore;
import dev.dispatcher.dispatch.ConversationRef;
import dev.dispatcher.dispatch.Task;
import dev.dispatcher.reply.Reply;
import dev.dispatcher.testkit.Cores;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Escape sequences typed into a task reach the terminal as pictures, never as commands to it. */
@DisplayName("Terminal escapes in a task")
class TerminalEscapesTest {

    /** Retitles the terminal (OSC 0), then hides the rest of the line (SGR 8, concealed). */
    private static final String HOSTILE = "Fix JWT expiry \u001b]0;pwned\u0007 \u001b[8mhidden\u001b[0m \u009b2J \u202Eevil";
    private static final String SHOWN = "Fix JWT expiry ␛]0;pwned␇ ␛[8mhidden␛[0m <U+009B>2J <U+202E>evil";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String stdin, String... args) {
        out.reset();
        Cli cli = new Cli(Cores.environment(dir), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return cli.run(args, new BufferedReader(new StringReader(stdin)), false);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("'route' prints them as pictures")
    void route() {
        assertThat(run("", "route", HOSTILE)).isZero();
        assertThat(stdout()).contains("ORIGINAL TASK: " + SHOWN).doesNotContain("\u001b", "\u0007", "\u009b", "\u202E");
    }

    @Test
    @DisplayName("the shell prints them as pictures, in the answer and in the confirmation of a correction")
    void shell() {
        assertThat(run(HOSTILE + "\n:x:\n1\n", "shell")).isZero();
        assertThat(stdout()).contains("ORIGINAL TASK: " + SHOWN).contains("Recorded: \"" + SHOWN + "\"")
                .doesNotContain("\u001b", "\u0007", "\u009b", "\u202E");
    }

    @Test
    @DisplayName("'suggest' prints the corrected tasks it quotes as pictures")
    void suggest() {
        try (BotCore core = Cores.start(dir)) {
            for (String task : new String[] {"the rollup \u001b[2J numbers look off", "rollup job \u001b]0;x\u0007 double counts"}) {
                Reply reply = core.dispatcher().dispatch(new Task(task, "dev", new ConversationRef("shell", "local", null, task)));
                core.feedback().correct(reply.decisionId(), "database-architect", "ana");
            }
        }
        assertThat(run("", "suggest")).isZero();
        assertThat(stdout()).contains("rollup").contains("␛[2J").doesNotContain("\u001b");
    }

    @Test
    @DisplayName("a lone carriage return in piped input stays inside its task instead of splitting it in two")
    void loneCarriageReturn() {
        assertThat(run("Fix JWT token\rexpiration problems\r\nstats\n", "shell")).isZero();
        assertThat(stdout().split("ROUTING ANALYSIS", -1)).as("answers").hasSize(2);
        assertThat(stdout()).contains("ORIGINAL TASK: Fix JWT token␍expiration problems\n").contains("ROUTING STATISTICS");
    }
}
