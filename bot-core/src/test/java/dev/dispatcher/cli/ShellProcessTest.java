package dev.dispatcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dispatcher.testkit.Repository;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("'dispatcher shell' as a separate process with piped input")
class ShellProcessTest {

    @Test
    @DisplayName("routes, takes a misroute flag and a correction, prints statistics, and exits 0 at end of input")
    void wholeLoop(@TempDir Path dir) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Cli.class.getName(), "shell");
        builder.environment().put("DISPATCHER_HOME", Repository.root().toString());
        builder.environment().put("DISPATCHER_DB_URL", "jdbc:sqlite:" + dir.resolve("shell.db"));
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process process = builder.start();
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write("Fix JWT token expiration problems\n:x:\n1\nstats\n".getBytes(StandardCharsets.UTF_8));
        }
        String transcript = read(process);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        assertThat(transcript)
                .contains("Routing to: auth-system-architect")
                .contains("✅ Recorded")
                .contains("belongs to database-architect")
                .contains("all time: 1 routed, 1 flagged (1 flags), 1 corrected")
                .endsWith("Bye.\n");
    }

    private static String read(Process process) throws IOException {
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
