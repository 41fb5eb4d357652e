package dev.dispatcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dispatcher.testkit.Repository;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./dispatcher} launcher's first run, with stand-ins for {@code mvn} (which writes the colour resets Maven
 * 3.8 writes even with {@code -q -B}) and for {@code java} (which prints what it was asked to run).
 */
@DisplayName("The ./dispatcher launcher")
class LauncherTest {

    private static final String ESC = "\u001b";

    @TempDir
    Path checkout;

    private Path bin;

    @BeforeEach
    void copyTheLauncher() throws IOException {
        Files.copy(Repository.root().resolve("dispatcher"), checkout.resolve("dispatcher"));
        Files.writeString(checkout.resolve("pom.xml"), "<project/>\n");
        Files.createDirectories(checkout.resolve("bot-core/src/main/java"));
        bin = Files.createDirectories(checkout.resolve("fake-bin"));
        script("java", "echo \"java $*\"");
    }

    @Test
    @DisplayName("on the first run shows no terminal escape from Maven, only that it builds, then runs the command")
    void firstRunIsClean() throws Exception {
        // GIVEN a Maven that writes colour resets on both streams while it builds the jar
        script("mvn", "printf '\\033[0m\\033[0m'; printf '\\033[0m' >&2",
                "mkdir -p bot-core/target && : > bot-core/target/bot-core-0.1.0-SNAPSHOT-all.jar");

        // WHEN
        Result result = launch("stats");

        // THEN
        assertThat(result.status()).isZero();
        assertThat(result.output()).doesNotContain(ESC)
                .contains("Building bot-core (first run, or sources changed)...")
                .contains("java -jar " + checkout.resolve("bot-core/target/bot-core-0.1.0-SNAPSHOT-all.jar") + " stats");
    }

    @Test
    @DisplayName("when the build fails shows Maven's last lines without escapes, says how to see more, and exits 1")
    void failedBuild() throws Exception {
        script("mvn", "printf '\\033[1;31m[ERROR] COMPILATION ERROR in Foo.java\\033[0m\\n'", "exit 1");

        Result result = launch("shell");

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.output()).doesNotContain(ESC).contains("[ERROR] COMPILATION ERROR in Foo.java")
                .contains("Build failed: run 'mvn -pl bot-core -am package'").doesNotContain("java -jar");
    }

    private void script(String name, String... lines) throws IOException {
        Path file = bin.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + String.join("\n", lines) + "\n");
        assertThat(file.toFile().setExecutable(true)).isTrue();
    }

    private record Result(int status, String output) {}

    private Result launch(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("bash", checkout.resolve("dispatcher").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        builder.environment().remove("DISPATCHER_HOME");
        builder.environment().put("TMPDIR", checkout.toString());
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }
}
