package dev.dispatcher.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dispatcher.testkit.FakePlatformOutput.Sent;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The pipeline routes and answers tasks the same way on every platform")
class RoutingPipelineTest {

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
    @DisplayName("/route: an announcement through the callback, then the analysis in its thread, both showing the decision")
    void routeAnswersUnderAnAnnouncement() throws Exception {
        // WHEN
        Pipeline.Intake intake = kit.send(kit.route("Fix JWT token expiration"));

        // THEN
        assertThat(intake).isEqualTo(Pipeline.Intake.ACCEPTED);
        List<Sent> sent = kit.output.sent();
        assertThat(sent).extracting(Sent::method).containsExactly("post-via-callback", "reply");
        Content.Announcement announcement = (Content.Announcement) sent.get(0).content();
        assertThat(announcement.reply().specialist().id()).isEqualTo("auth-system-architect");
        assertThat(announcement.requester()).isEqualTo(PipelineKit.ALICE);
        assertThat(sent.get(1).where()).isEqualTo(sent.get(0).posted());
        assertThat(((Content.Analysis) sent.get(1).content()).underAnnouncement()).isTrue();
        String decision = announcement.reply().decisionId();
        assertThat(kit.core.dispatcher()).isNotNull();
        assertThat(kit.core.feedback().flag(sent.get(1).posted(), "U0BOB")).get()
                .satisfies(flag -> assertThat(flag.decision().id()).isEqualTo(decision));
        assertThat(kit.core.feedback().flag(sent.get(0).posted(), "U0CAROL")).get()
                .satisfies(flag -> assertThat(flag.decision().replyThread()).isEqualTo(sent.get(1).posted().thread()));
    }

    @Test
    @DisplayName("a mention is answered in the thread of the message that mentioned the bot, with no announcement")
    void mentionAnswersInItsThread() throws Exception {
        // GIVEN
        InboundEvent mention = kit.mention("the entities endpoint returns 404");

        // WHEN
        kit.send(mention);

        // THEN
        assertThat(kit.output.sent()).singleElement().satisfies(sent -> {
            assertThat(sent.method()).isEqualTo("reply");
            assertThat(sent.where()).isEqualTo(mention.conversation());
            assertThat(((Content.Analysis) sent.content()).underAnnouncement()).isFalse();
        });
    }

    @Test
    @DisplayName("the same event delivered twice is answered once; the repeat is counted as a duplicate and not acknowledged")
    void repeatsAreDropped() throws Exception {
        // GIVEN
        InboundEvent first = kit.route("Ev-same", "Tune slow postgres queries", null);
        kit.send(first);

        // WHEN Slack retries it
        boolean[] acknowledged = {false};
        Pipeline.Intake repeat = kit.pipeline.accept(kit.route("Ev-same", "Tune slow postgres queries", null), () -> acknowledged[0] = true);
        kit.idle();

        // THEN
        assertThat(repeat).isEqualTo(Pipeline.Intake.DUPLICATE);
        assertThat(acknowledged[0]).isFalse();
        assertThat(kit.output.sent("reply")).hasSize(1);
        assertThat(kit.metric("dispatcher_duplicate_events_total", "platform=\"chat\"")).isEqualTo(1);
    }

    @Test
    @DisplayName("'/route help' and '/route stats' are answered privately; the same words in a mention are answered in its thread")
    void usageAndStatistics() throws Exception {
        // WHEN
        kit.send(kit.route("help"));
        kit.send(kit.route("stats"));
        InboundEvent mention = kit.mention("help");
        kit.send(mention);

        // THEN
        assertThat(kit.output.sent()).extracting(Sent::method).containsExactly("whisper", "whisper", "reply");
        assertThat(kit.output.sent().get(0).content()).isInstanceOf(Content.Usage.class);
        assertThat(((Content.Stats) kit.output.sent().get(1).content()).text()).contains("ROUTING STATISTICS");
        assertThat(kit.output.sent().get(2).where()).isEqualTo(mention.conversation());
    }

    @Test
    @DisplayName("'Route this message' routes the message's text and answers in that message's thread")
    void shortcutRoutesTheMessage() throws Exception {
        // GIVEN
        InboundEvent shortcut = kit.shortcut("Add a column to the users table", false);

        // WHEN
        kit.send(shortcut);

        // THEN the answer is in the message's thread, and whoever used the shortcut is told where it went
        assertThat(kit.output.sent()).extracting(Sent::method).containsExactly("reply", "whisper");
        Sent answer = kit.output.sent().get(0);
        assertThat(answer.where()).isEqualTo(shortcut.conversation());
        assertThat(((Content.Analysis) answer.content()).reply().specialist().id()).isEqualTo("database-architect");
        assertThat(((Content.Text) kit.output.sent().get(1).content()).text()).contains("Database Architect", "thread");
    }

    @Test
    @DisplayName("'Route this message' on a bot's message, or on one without text, gets a short private explanation")
    void shortcutOnNothingToRoute() throws Exception {
        // WHEN
        kit.send(kit.shortcut("Deploy failed: exit code 1", true));
        kit.send(kit.shortcut("   ", false));

        // THEN
        assertThat(kit.output.sent()).extracting(Sent::method).containsExactly("whisper", "whisper");
        assertThat(kit.output.sent()).extracting(s -> ((Content.Text) s.content()).text())
                .containsExactly(RoutingFlow.FROM_BOT, RoutingFlow.NO_TEXT);
    }

    @Test
    @DisplayName("when the platform refuses the announcement, the asker hears why privately and nothing more is posted")
    void refusedAnnouncement() throws Exception {
        // GIVEN
        kit.output.failNext("post-via-callback", "not_in_channel");

        // WHEN
        kit.send(kit.route("Fix JWT token expiration"));

        // THEN
        assertThat(kit.output.sent()).extracting(Sent::method).containsExactly("post-via-callback", "whisper");
        assertThat(((Content.PostFailed) kit.output.sent().get(1).content()).error()).isEqualTo("not_in_channel");
        assertThat(kit.metric("dispatcher_jobs_failed_total", "")).isEqualTo(1);
    }

    @Test
    @DisplayName("each handled event is counted as routed for its platform")
    void routedIsCounted() throws Exception {
        // WHEN
        kit.send(kit.route("Fix JWT token expiration"));

        // THEN
        assertThat(kit.metric("dispatcher_tasks_routed_total", "platform=\"chat\"")).isEqualTo(1);
        assertThat(kit.metric("dispatcher_jobs_pending", "")).isZero();
    }
}
