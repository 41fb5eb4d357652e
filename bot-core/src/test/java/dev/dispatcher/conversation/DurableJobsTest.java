package dev.dispatcher.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dispatcher.testkit.FakePlatformOutput.Sent;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Acknowledged work is stored as a job and survives a dead worker")
class DurableJobsTest {

    @TempDir
    Path dir;

    private PipelineKit kit;

    @BeforeEach
    void start() {
        kit = PipelineKit.start(PipelineKit.sqlite(dir));
    }

    @AfterEach
    void stop() {
        kit.close();
    }

    @Test
    @DisplayName("the event is stored before the acknowledgement runs")
    void storedBeforeAcknowledged() throws Exception {
        // WHEN
        int[] pendingAtAck = {-1};
        kit.pipeline.accept(kit.route("Fix JWT token expiration"),
                () -> pendingAtAck[0] = new JobStore(kit.core.database(), kit.clock).pending());
        kit.idle();

        // THEN
        assertThat(pendingAtAck[0]).isEqualTo(1);
        assertThat(new JobStore(kit.core.database(), kit.clock).pending()).isZero();
    }

    @Test
    @DisplayName("a job whose worker died after the announcement is resumed once its lease ran out, without a second announcement")
    void resumedFromTheLastStep() throws Exception {
        // GIVEN a worker that dies while posting the analysis
        kit.output.crashNext("reply");
        kit.send(kit.route("Fix JWT token expiration"));
        assertThat(kit.output.sent()).extracting(Sent::method).containsExactly("post-via-callback");

        // WHEN its lease runs out and the pipeline looks for abandoned work
        kit.pipeline.resumeExpired();
        kit.idle();
        assertThat(kit.output.sent()).as("nothing is resumed while the lease runs").hasSize(1);
        kit.clock.advance(PipelineKit.LEASE.plusSeconds(1));
        kit.pipeline.resumeExpired();
        kit.idle();

        // THEN the analysis is posted under the first announcement, for the same decision
        assertThat(kit.output.sent()).extracting(Sent::method).containsExactly("post-via-callback", "reply");
        Sent announcement = kit.output.sent().get(0);
        Sent analysis = kit.output.sent().get(1);
        assertThat(analysis.where()).isEqualTo(announcement.posted());
        assertThat(((Content.Analysis) analysis.content()).reply().decisionId())
                .isEqualTo(((Content.Announcement) announcement.content()).reply().decisionId());
        assertThat(kit.metric("dispatcher_jobs_resumed_total", "")).isEqualTo(1);
        assertThat(kit.metric("dispatcher_jobs_pending", "")).isZero();
    }

    @Test
    @DisplayName("work older than its callback's lifetime is finished without the callback, logged and counted")
    void pastTheCallback() throws Exception {
        // GIVEN a /route whose worker died at once, and an interaction that lives 15 minutes
        kit.output.crashNext("post-via-callback");
        kit.send(kit.route("Fix JWT token expiration"));

        // WHEN it is resumed 20 minutes later
        kit.clock.advance(Duration.ofMinutes(20));
        kit.pipeline.resumeExpired();
        kit.idle();

        // THEN the announcement is a plain channel message
        assertThat(kit.output.sent()).extracting(Sent::method).containsExactly("post", "reply");
        assertThat(kit.metric("dispatcher_jobs_expired_total", "outcome=\"degraded\"")).isEqualTo(1);
    }

    @Test
    @DisplayName("work too old to be useful is dropped, logged and counted, never silently")
    void tooOld() throws Exception {
        // GIVEN
        kit.output.crashNext("post-via-callback");
        kit.send(kit.route("Fix JWT token expiration"));

        // WHEN it is found two hours later
        kit.clock.advance(Duration.ofHours(2));
        kit.pipeline.resumeExpired();
        kit.idle();

        // THEN
        assertThat(kit.output.sent()).isEmpty();
        assertThat(kit.metric("dispatcher_jobs_expired_total", "outcome=\"dropped\"")).isEqualTo(1);
        assertThat(kit.metric("dispatcher_jobs_pending", "")).isZero();
    }

    @Test
    @DisplayName("with the store down the task is still answered, saying it was not recorded, and counted")
    void storeDown() throws Exception {
        // GIVEN
        kit.core.database().close();

        // WHEN
        Pipeline.Intake intake = kit.send(kit.route("Fix JWT token expiration"));

        // THEN
        assertThat(intake).isEqualTo(Pipeline.Intake.ACCEPTED);
        Sent analysis = kit.output.sent("reply").get(0);
        assertThat(((Content.Analysis) analysis.content()).reply().notes()).contains(RoutingFlow.NOT_RECORDED);
        assertThat(((Content.Analysis) analysis.content()).reply().acceptsFeedback()).isFalse();
        assertThat(kit.metric("dispatcher_jobs_unrecorded_total", "")).isEqualTo(1);
    }

    @Test
    @DisplayName("with the store down a flag cannot be recorded, and the person who flagged is told so plainly")
    void storeDownForFeedback() throws Exception {
        // GIVEN an answer, and then the store goes down
        kit.send(kit.route("Fix JWT token expiration"));
        dev.dispatcher.dispatch.ConversationRef analysis = kit.output.sent("reply").get(0).posted();
        kit.core.database().close();

        // WHEN someone flags it
        kit.send(kit.flag(analysis, "U0BOB"));

        // THEN
        Sent last = kit.output.sent().get(kit.output.sent().size() - 1);
        assertThat(last.method()).isEqualTo("whisper");
        assertThat(((Content.Text) last.content()).text()).isEqualTo(FeedbackFlow.CANNOT_RECORD);
        assertThat(kit.metric("dispatcher_jobs_unrecorded_total", "")).isEqualTo(1);
    }

    @Test
    @DisplayName("with every worker busy and the queue full, an event is refused at once and nothing is stored")
    void busy() throws Exception {
        try (PipelineKit small = PipelineKit.start(PipelineKit.sqlite(dir.resolve("small")), 1, 1)) {
            // GIVEN one worker stuck on a slow platform, and one job waiting
            Runnable release = small.output.hold();
            small.pipeline.accept(small.route("Fix JWT token expiration"), () -> { });
            awaitStarted(small);
            small.pipeline.accept(small.route("Tune slow postgres queries"), () -> { });

            // WHEN a third arrives
            boolean[] acknowledged = {false};
            Pipeline.Intake third = small.pipeline.accept(small.route("Add a users table"), () -> acknowledged[0] = true);

            // THEN
            assertThat(third).isEqualTo(Pipeline.Intake.BUSY);
            assertThat(acknowledged[0]).isFalse();
            assertThat(small.metric("dispatcher_errors_total", "kind=\"busy\"")).isEqualTo(1);
            release.run();
            small.idle();
            assertThat(small.output.sent("reply")).hasSize(2);
        }
    }

    /** Waits until the only worker has taken the job from the queue (then the queue has room again). */
    private static void awaitStarted(PipelineKit kit) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (kit.pipeline.full()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the worker never took the first job");
            }
            Thread.onSpinWait();
        }
    }
}
