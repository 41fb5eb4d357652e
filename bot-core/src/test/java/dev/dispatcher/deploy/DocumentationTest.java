package dev.dispatcher.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dispatcher.app.ExitStatus;
import dev.dispatcher.testkit.Repository;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The README tells the truth about what the code reads and does. */
@DisplayName("The README")
class DocumentationTest {

    /** A table row's first cell: {@code | `DISPATCHER_DB_USER`, `DISPATCHER_DB_PASSWORD` | ...}. */
    private static final Pattern ROW = Pattern.compile("(?m)^\\| ([^|]+) \\|");
    private static final Pattern VARIABLE = Pattern.compile("`((?:SLACK|DISCORD|DISPATCHER)_[A-Z0-9_]+)`");

    private static String readme() throws IOException {
        return Files.readString(Repository.root().resolve("README.md"));
    }

    /** The variables named in the first cell of the README's table rows. */
    private static Set<String> tabled() throws IOException {
        Set<String> names = new TreeSet<>();
        Matcher row = ROW.matcher(readme());
        while (row.find()) {
            Matcher name = VARIABLE.matcher(row.group(1));
            while (name.find()) {
                names.add(name.group(1));
            }
        }
        return names;
    }

    @Test
    @DisplayName("its configuration tables list every variable the code reads, and none it does not")
    void configurationTables() throws IOException {
        Set<String> read = CodeVariables.read();
        assertThat(read).contains("DISPATCHER_ADMIN_PORT", "DISPATCHER_LOG_FORMAT", "DISPATCHER_EVENT_LOG_LEVEL", "DISPATCHER_JAVA_OPTS");
        assertThat(tabled()).as("variables in README.md's tables").isEqualTo(read);
    }

    @Test
    @DisplayName("its exit statuses are the ones every entry point uses")
    void exitStatuses() throws IOException {
        assertThat(ExitStatus.OK).isZero();
        assertThat(ExitStatus.FAILED).isEqualTo(1);
        assertThat(ExitStatus.BAD_USAGE).isEqualTo(2);
        assertThat(readme())
                .contains("**Exit status**, the same for the command line and both bots:")
                .containsPattern("(?m)^\\| `0` \\| done")
                .containsPattern("(?m)^\\| `1` \\| failed while running")
                .containsPattern("(?m)^\\| `2` \\| bad usage or bad settings");
    }

    @Test
    @DisplayName("deploy/.env.example shows the JVM options the image really starts with")
    void envExampleHeap() {
        Matcher image = Pattern.compile("DISPATCHER_JAVA_OPTS=\"([^\"]+)\"").matcher(DeployFiles.text("Dockerfile"));
        assertThat(image.find()).as("DISPATCHER_JAVA_OPTS in the Dockerfile").isTrue();
        Matcher example = Pattern.compile("(?m)^#?\\s*DISPATCHER_JAVA_OPTS=(.+)$").matcher(DeployFiles.text(".env.example"));
        assertThat(example.find()).as("DISPATCHER_JAVA_OPTS in .env.example").isTrue();
        assertThat(example.group(1).strip()).isEqualTo(image.group(1));
    }
}
