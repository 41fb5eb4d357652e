package dev.dispatcher.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dispatcher.testkit.FakePlatformOutput.Sent;
import dev.dispatcher.testkit.StoreKit;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Two replicas on one PostgreSQL share the jobs")
class TwoReplicasOnPostgresTest {

    @RegisterExtension
    static final StoreKit.Backend POSTGRES = StoreKit.postgres();

    @TempDir
    Path dir;

    @Test
    @DisplayName("a job whose replica died mid-way is finished once by the other, from the step it had reached")
    void survivorFinishesTheJob() throws Exception {
        String database = POSTGRES.newDatabaseUrl();
        try (PipelineKit dying = PipelineKit.start(PipelineKit.on(dir.resolve("a"), database));
             PipelineKit survivor = PipelineKit.start(PipelineKit.on(dir.resolve("b"), database))) {
            // GIVEN replica A posted the announcement of a /route and died before the analysis
            dying.output.crashNext("reply");
            dying.send(dying.route("Fix JWT token expiration"));
            survivor.pipeline.resumeExpired();
            survivor.idle();
            assertThat(survivor.output.sent()).as("the job is A's while its lease runs").isEmpty();

            // WHEN A's lease has run out and both look for abandoned work
            dying.clock.advance(PipelineKit.LEASE.plusSeconds(1));
            survivor.clock.advance(PipelineKit.LEASE.plusSeconds(1));
            survivor.pipeline.resumeExpired();
            survivor.idle();
            dying.clock.advance(PipelineKit.LEASE.plusSeconds(1));
            dying.pipeline.resumeExpired();
            dying.idle();

            // THEN B posted the analysis once, under A's announcement, and A found nothing left to do
            assertThat(survivor.output.sent()).extracting(Sent::method).containsExactly("reply");
            assertThat(survivor.output.sent().get(0).where()).isEqualTo(dying.output.sent().get(0).posted());
            assertThat(dying.output.sent()).extracting(Sent::method).containsExactly("post-via-callback");
            assertThat(survivor.metric("dispatcher_jobs_resumed_total", "")).isEqualTo(1);
        }
    }
}
