package dev.dispatcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dispatcher.testkit.Cores;
import dev.dispatcher.testkit.Repository;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("The command line's arguments")
class CommandLineTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return runWithInput("", args);
    }

    private int runWithInput(String stdin, String... args) {
        out.reset();
        err.reset();
        Cli cli = new Cli(Cores.environment(dir), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return cli.run(args, new BufferedReader(new StringReader(stdin)), false);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private boolean databaseCreated() {
        return Files.exists(dir.resolve("dispatcher.db"));
    }

    @ParameterizedTest(name = "''{0} --help''")
    @ValueSource(strings = {"shell", "route", "eval", "stats", "forget", "suggest", "export", "check"})
    @DisplayName("every command answers --help with its usage on stdout and exit status 0, doing nothing else")
    void everyCommandAnswersHelp(String command) {
        // WHEN
        int status = run(command, "--help");

        // THEN
        assertThat(status).isZero();
        assertThat(stdout()).startsWith("Usage: ./dispatcher " + command).contains("-h, --help");
        assertThat(stdout()).doesNotContain("ROUTING ANALYSIS", "no such file", "Backend Task Dispatcher — local shell");
        assertThat(stderr()).isEmpty();
        assertThat(databaseCreated()).as("the command ran: it opened the database").isFalse();
    }

    @ParameterizedTest(name = "''{0} --bogus''")
    @ValueSource(strings = {"shell", "route Fix CORS", "eval cases.jsonl", "stats", "forget abc", "suggest", "export cases.jsonl", "check"})
    @DisplayName("every command rejects an unknown option: exit status 2, the problem and the usage on stderr")
    void everyCommandRejectsUnknownOptions(String commandAndParameters) {
        List<String> args = new java.util.ArrayList<>(List.of(commandAndParameters.split(" ")));
        args.add("--bogus");
        assertThat(run(args.toArray(String[]::new))).isEqualTo(2);
        assertThat(stderr()).contains("Unknown option: '--bogus'").contains("Usage: ./dispatcher " + args.get(0));
        assertThat(stdout()).isEmpty();
        assertThat(databaseCreated()).isFalse();
    }

    @ParameterizedTest(name = "''{0} junk''")
    @ValueSource(strings = {"shell", "stats", "suggest", "check"})
    @DisplayName("a command without parameters rejects a stray word instead of ignoring it")
    void strayWordsAreRejected(String command) {
        assertThat(run(command, "junk")).isEqualTo(2);
        assertThat(stderr()).contains("'junk'").contains("Usage: ./dispatcher " + command);
        assertThat(databaseCreated()).isFalse();
    }

    @Test
    @DisplayName("'forget' and 'export' take exactly one argument")
    void oneArgumentOnly() {
        assertThat(run("forget", "a1", "b2")).isEqualTo(2);
        assertThat(stderr()).contains("'b2'");
        assertThat(run("export")).isEqualTo(2);
        assertThat(stderr()).contains("Missing required parameter");
    }

    @Test
    @DisplayName("without a command, the usage goes to stderr with exit status 2")
    void noCommand() {
        assertThat(run()).isEqualTo(2);
        assertThat(stderr()).contains("a command is missing").contains("Usage: ./dispatcher");
        assertThat(stdout()).isEmpty();
    }

    @Test
    @DisplayName("'--help' lists every command and the exit statuses on stdout, exit status 0")
    void topLevelHelp() {
        assertThat(run("--help")).isZero();
        for (String command : List.of("shell", "route", "eval", "stats", "forget", "suggest", "export", "check", "slack", "discord")) {
            assertThat(stdout()).contains("  " + command);
        }
        assertThat(stdout()).contains("Exit status: 0 done, 1 failed while running, 2 bad usage or bad settings.");
    }

    @Test
    @DisplayName("'help route' prints the route command's usage")
    void helpCommand() {
        assertThat(run("help", "route")).isZero();
        assertThat(stdout()).startsWith("Usage: ./dispatcher route").contains("--json");
    }

    @Test
    @DisplayName("'route -- --help me' routes a task that starts with a dash")
    void taskAfterDoubleDash() {
        assertThat(run("route", "--", "--help me with the JWT expiry")).isZero();
        assertThat(stdout()).contains("ORIGINAL TASK: --help me with the JWT expiry");
    }

    @Test
    @DisplayName("'eval' on an empty file says it has no cases, with exit status 2")
    void evalEmptyFile() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.jsonl"), "\n\n");
        assertThat(run("eval", empty.toString())).isEqualTo(2);
        assertThat(stderr()).contains(empty + " has no cases");
        assertThat(stdout()).isEmpty();
    }

    @Test
    @DisplayName("'eval' names the file it could not read and why, with exit status 2")
    void evalMissingFile() {
        Path missing = dir.resolve("nowhere/cases.jsonl");
        assertThat(run("eval", missing.toString())).isEqualTo(2);
        assertThat(stderr().strip()).isEqualTo("error: cannot read " + missing + ": not found");
    }

    @Test
    @DisplayName("'eval' on a file that is not UTF-8 says so, naming the file and line")
    void evalNotUtf8() throws Exception {
        Path latin1 = dir.resolve("latin1.jsonl");
        Files.write(latin1, "{\"text\": \"caf\u00e9\", \"label\": \"config-architect\"}\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(run("eval", latin1.toString())).isEqualTo(2);
        assertThat(stderr()).contains(latin1.toString()).contains("not valid UTF-8 text (line 1");
    }

    @Test
    @DisplayName("'eval' prints the confusion matrix aligned: every row as wide as the header, every count under its column")
    void confusionMatrixAligned() {
        assertThat(run("eval", Repository.root().resolve("eval/seed-cases.jsonl").toString())).isZero();
        List<String> lines = Arrays.asList(stdout().split("\n"));
        int start = lines.indexOf("confusion matrix (rows: truth, columns: routed to; ours)") + 1;
        List<String> matrix = lines.subList(start, start + 9);
        String header = matrix.get(0);
        assertThat(header.strip()).startsWith("#1").endsWith("#8");
        for (String row : matrix.subList(1, 9)) {
            assertThat(row).as("row %s", row).hasSameSizeAs(header);
            assertThat(row.substring(row.length() - 3).strip()).as("last count of %s", row).matches("\\d+");
        }
        assertThat(matrix.get(8)).startsWith("#8 backend-overview-architect ");
    }

    @Test
    @DisplayName("'export' refuses to overwrite a file without --force, and keeps it as it was")
    void exportKeepsExistingFile() throws Exception {
        runWithInput("Fix CORS issues\n", "shell");
        Path file = Files.writeString(dir.resolve("mine.jsonl"), "keep me\n");

        assertThat(run("export", file.toString())).isEqualTo(2);
        assertThat(stderr()).contains(file + " already exists; add --force to replace it");
        assertThat(Files.readString(file)).isEqualTo("keep me\n");

        assertThat(run("export", "--force", file.toString())).isZero();
        assertThat(Files.readString(file)).contains("\"text\":\"Fix CORS issues\"");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".partial"));
        }
    }

    @Test
    @DisplayName("'export' does not create folders: a missing one is reported with exit status 2")
    void exportNeedsAnExistingFolder() {
        Path file = dir.resolve("typo/mine.jsonl");
        assertThat(run("export", file.toString())).isEqualTo(2);
        assertThat(stderr()).contains("the folder " + dir.resolve("typo") + " does not exist");
        assertThat(dir.resolve("typo")).doesNotExist();
    }

    @Test
    @DisplayName("'route' of a task with nothing visible in it is a usage error, and nothing is stored")
    void routeInvisibleTask() {
        assertThat(run("route", "\u200B\u00A0\u2060")).isEqualTo(2);
        assertThat(stderr()).contains("route needs a task");
        assertThat(databaseCreated()).isFalse();
    }

    @Test
    @DisplayName("the shell ignores a line with nothing visible in it, as it ignores an empty one")
    void shellIgnoresInvisibleLines() {
        assertThat(runWithInput("\u200B\u200B\n\u00A0\n", "shell")).isZero();
        assertThat(stdout()).doesNotContain("ROUTING ANALYSIS");
    }

    @Test
    @DisplayName("a setting with an unknown value stops a command with one line listing the allowed values, exit status 2")
    void unknownSettingValue() {
        java.util.Map<String, String> env = Cores.environment(dir);
        env.put("DISPATCHER_LOG_FORMAT", "xml");
        Cli cli = new Cli(env, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(cli.run(new String[] {"route", "Fix CORS issues"}, new BufferedReader(new StringReader("")), false)).isEqualTo(2);
        assertThat(stderr().strip()).isEqualTo("error: DISPATCHER_LOG_FORMAT must be one of text, json, was 'xml'");
        assertThat(stdout()).isEmpty();
    }

    @Test
    @DisplayName("the shell takes ':X:' as the misroute flag, not as a task")
    void shellFlagIgnoresCase() {
        assertThat(runWithInput("Fix JWT token expiration problems\n:X:\n", "shell")).isZero();
        assertThat(stdout()).contains("❌ Flagged decision").doesNotContain("ORIGINAL TASK: :X:");
    }
}
