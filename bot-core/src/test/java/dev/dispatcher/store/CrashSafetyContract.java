package dev.dispatcher.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dispatcher.testkit.Repository;
import dev.dispatcher.testkit.StoreKit;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing the bot has confirmed to a user is lost when its process dies without warning. A separate JVM
 * ({@link FeedbackWriterProcess}) writes and confirms; the test kills it with SIGKILL and reopens the database.
 * Subclasses pick the database: {@link CrashSafetyOnSqliteTest}, {@link CrashSafetyOnPostgresTest}.
 */
abstract class CrashSafetyContract {

    private static final int CORRECTIONS = 3;
    private static final long DEADLINE_SECONDS = 60;

    @TempDir
    Path folder;

    private Process bot;

    /** The database under test. */
    abstract StoreKit.Backend backend();

    @AfterEach
    void killLeftovers() {
        if (bot != null && bot.isAlive()) {
            bot.destroyForcibly();
        }
    }

    @Test
    @DisplayName("flags and corrections confirmed to users survive the bot being killed right after (SIGKILL)")
    void confirmedFeedbackSurvivesKill() throws Exception {
        // GIVEN a bot process that records, flags and corrects three tasks, confirming each
        String url = backend().newDatabaseUrl();
        Path stderr = folder.resolve("bot.stderr");
        bot = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                FeedbackWriterProcess.class.getName(), url,
                Repository.knowledgebase().resolve("routing.yaml").toString(), String.valueOf(CORRECTIONS))
                .redirectError(stderr.toFile())
                .start();
        List<String> confirmed = awaitConfirmations(bot, CORRECTIONS, stderr);

        // WHEN it is killed the moment the last confirmation is out, with no chance to clean up
        bot.destroyForcibly();
        assertThat(bot.waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS)).as("killed bot exits").isTrue();

        // THEN a restarted bot finds every confirmed decision with its flag and its correction
        Database reopened = backend().open(url);
        DecisionLog decisions = new DecisionLog(reopened, Clock.systemUTC());
        FeedbackStore feedback = new FeedbackStore(reopened, Clock.systemUTC());
        for (String id : confirmed) {
            assertThat(decisions.find(id)).as("decision %s", id).isPresent();
            assertThat(feedback.flagCount(id)).as("flags of %s", id).isEqualTo(1);
            assertThat(feedback.agreeing(id, FeedbackWriterProcess.CORRECTED_TO)).as("corrections of %s", id).isEqualTo(1);
        }
        assertThat(feedback.corrections()).extracting(FeedbackStore.CorrectionRow::decisionId)
                .containsExactlyInAnyOrderElementsOf(confirmed);
        assertThat(feedback.corrections()).allSatisfy(row -> {
            assertThat(row.user()).isEqualTo(FeedbackWriterProcess.USER);
            assertThat(row.routedTo()).isEqualTo(FeedbackWriterProcess.ROUTED_TO);
        });
    }

    /** Reads the process's stdout until {@code count} confirmations arrived, failing after the deadline. */
    private static List<String> awaitConfirmations(Process process, int count, Path stderr) throws Exception {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // the process was killed; nothing more to read
            }
        }, "bot-stdout");
        reader.setDaemon(true);
        reader.start();
        List<String> confirmed = new ArrayList<>();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(DEADLINE_SECONDS);
        while (confirmed.size() < count) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line == null) {
                boolean gaveUp = !process.isAlive() && !reader.isAlive() && lines.isEmpty();
                if (gaveUp || System.nanoTime() > end) {
                    throw new AssertionError("the bot confirmed " + confirmed.size() + " of " + count + " corrections "
                            + (gaveUp ? "and exited" : "within " + DEADLINE_SECONDS + " s") + "; its stderr:\n"
                            + Files.readString(stderr));
                }
            } else if (line.startsWith("CONFIRMED ")) {
                confirmed.add(line.substring("CONFIRMED ".length()).strip());
            }
        }
        return confirmed;
    }
}
