package dev.dispatcher.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dispatcher.dispatch.ConversationRef;
import dev.dispatcher.testkit.FakePlatformOutput.Sent;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The misroute loop runs through the pipeline the same way on every platform")
class FeedbackPipelineTest {

    @TempDir
    Path dir;

    private PipelineKit kit;
    private ConversationRef analysis;
    private String decisionId;

    @BeforeEach
    void routeOne() throws Exception {
        kit = PipelineKit.start(PipelineKit.sqlite(dir));
        kit.send(kit.route("Fix JWT token expiration"));
        Sent answer = kit.output.sent("reply").get(0);
        analysis = answer.posted();
        decisionId = ((Content.Analysis) answer.content()).reply().decisionId();
    }

    @AfterEach
    void stop() {
        kit.close();
    }

    @Test
    @DisplayName("a flag on an answer asks in its thread who should have had it, once per person")
    void flagAsksOnce() throws Exception {
        // WHEN Bob flags twice and Carol once
        kit.send(kit.flag(analysis, "U0BOB"));
        kit.send(kit.flag(analysis, "U0BOB"));
        kit.send(kit.flag(analysis, "U0CAROL"));

        // THEN
        assertThat(kit.output.sent("ask")).hasSize(2).allSatisfy(ask -> {
            assertThat(ask.where().thread()).isEqualTo(analysis.thread());
            assertThat(((Content.MisrouteQuestion) ask.content()).flag().decision().id()).isEqualTo(decisionId);
        });
        assertThat(kit.metric("dispatcher_flags_total", "")).isEqualTo(2);
    }

    @Test
    @DisplayName("a flag on a message that carries no answer of the bot's is ignored")
    void flagElsewhereIgnored() throws Exception {
        // WHEN
        kit.send(kit.flag(new ConversationRef(PipelineKit.PLATFORM, PipelineKit.CHANNEL, null, "someone-else"), "U0BOB"));

        // THEN
        assertThat(kit.output.sent("ask")).isEmpty();
    }

    @Test
    @DisplayName("a choice is recorded and confirmed in the menu's thread; the router learns it")
    void choiceRecorded() throws Exception {
        // GIVEN
        kit.send(kit.flag(analysis, "U0BOB"));
        ConversationRef menu = kit.output.sent("ask").get(0).posted();

        // WHEN
        kit.send(kit.choice(menu, decisionId, "user-management-architect", "U0BOB"));

        // THEN
        Sent confirmation = kit.output.sent().get(kit.output.sent().size() - 1);
        assertThat(confirmation.method()).isEqualTo("reply");
        assertThat(confirmation.where()).isEqualTo(menu);
        assertThat(((Content.CorrectionConfirmation) confirmation.content()).correction().to().id()).isEqualTo("user-management-architect");
        assertThat(kit.metric("dispatcher_corrections_total", "")).isEqualTo(1);
    }

    @Test
    @DisplayName("a choice the core refuses is explained privately to whoever chose")
    void refusedChoice() throws Exception {
        // WHEN the specialist it already went to is chosen
        kit.send(kit.choice(analysis, decisionId, "auth-system-architect", "U0BOB"));

        // THEN
        Sent last = kit.output.sent().get(kit.output.sent().size() - 1);
        assertThat(last.method()).isEqualTo("whisper");
        assertThat(((Content.Text) last.content()).text()).contains("already routed to auth-system-architect");
    }

    @Test
    @DisplayName("taking the reaction back withdraws the flag")
    void unflagWithdraws() throws Exception {
        // GIVEN
        kit.send(kit.flag(analysis, "U0BOB"));

        // WHEN
        kit.send(kit.unflag(analysis, "U0BOB"));

        // THEN Bob's next flag asks again, as a first flag does
        kit.send(kit.flag(analysis, "U0BOB"));
        assertThat(kit.output.sent("ask")).hasSize(2);
    }
}
