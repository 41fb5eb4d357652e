package dev.dispatcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dispatcher.testkit.Cores;
import dev.dispatcher.testkit.Repository;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./dispatcher route} as its own process on a database file it may read but not write. File permissions do not
 * bind root, so when the tests run as root the command runs as an unprivileged user in a user namespace of its own
 * ({@code unshare -U}, as the PostgreSQL tests do).
 */
@DisplayName("A read-only database")
class ReadOnlyDatabaseTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("stops 'route' at once with one line naming DISPATCHER_DB_URL and the file, exit status 2, nothing routed")
    void readOnlyFileStopsStartUp() throws Exception {
        // GIVEN a migrated database file that this user may only read, in a folder anyone may write
        Path file = dir.resolve("dispatcher.db");
        Cores.start(dir).close();
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        byte[] before = Files.readAllBytes(file);

        // WHEN a task is routed
        long started = System.nanoTime();
        Process process = unprivileged("route", "Fix CORS issues").start();
        process.getOutputStream().close();
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        // THEN
        assertThat(process.exitValue()).as("exit status; stderr: %s", stderr).isEqualTo(2);
        assertThat(stderr.strip()).hasLineCount(1)
                .startsWith("error: DISPATCHER_DB_URL: the SQLite database " + file + " (or its folder) is read-only");
        assertThat(stdout).isEmpty();
        // AND it took a JVM start and a check, not a pool's connection timeout
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(8));
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(dir.resolve("dispatcher.db-wal")).doesNotExist();
    }

    private ProcessBuilder unprivileged(String... args) {
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Cli.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.startsWith("DISPATCHER_"));
        builder.environment().put("DISPATCHER_HOME", Repository.root().toString());
        builder.environment().put("DISPATCHER_DB_URL", "jdbc:sqlite:" + dir.resolve("dispatcher.db"));
        return builder;
    }
}
