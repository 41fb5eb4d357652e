package dev.dispatcher.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dispatcher.dispatch.ConversationRef;
import dev.dispatcher.testkit.FakeModelServer.Behaviour;
import dev.dispatcher.testkit.FakeOpenAi;
import dev.dispatcher.testkit.FakePlatformOutput.Sent;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("After the routing reply, the specialist answers in the same thread")
class AnswerPipelineTest {

    @TempDir
    Path dir;

    private PipelineKit kit;
    private FakeOpenAi provider;

    private void start(Map<String, String> more) {
        Map<String, String> env = PipelineKit.sqlite(dir);
        env.remove("DISPATCHER_ANSWER_CHANNELS");
        env.putAll(more);
        kit = PipelineKit.start(env);
    }

    private void startWithModel() {
        provider = new FakeOpenAi();
        start(Map.of("DISPATCHER_LLM_PROVIDER", "openai", "DISPATCHER_LLM_BASE_URL", provider.baseUrl(),
                "DISPATCHER_LLM_API_KEY", "test-key", "DISPATCHER_LLM_MODEL", "fake-model",
                "DISPATCHER_LLM_TIMEOUT_SECONDS", "10"));
    }

    @AfterEach
    void stop() {
        kit.close();
        if (provider != null) {
            provider.close();
        }
    }

    private static List<Sent> answers(List<Sent> sent) {
        return sent.stream().filter(s -> s.content() instanceof Content.Answer).toList();
    }

    @Test
    @DisplayName("without a model, the knowledge-base answer follows the analysis in its thread, and is recorded")
    void knowledgeBaseAnswer() throws Exception {
        start(Map.of());

        kit.send(kit.route("Fix JWT token expiration"));

        List<Sent> sent = kit.output.sent();
        assertThat(sent).extracting(Sent::method).containsExactly("post-via-callback", "reply", "reply");
        Sent answer = sent.get(2);
        assertThat(answer.where().thread()).isEqualTo(sent.get(1).posted().thread());
        Content.Answer shown = (Content.Answer) answer.content();
        assertThat(shown.complete()).isTrue();
        assertThat(shown.title()).isEqualTo("📖 From the knowledge base for auth-system-architect");
        assertThat(shown.sources()).isNotEmpty();
        assertThat(kit.core.answerLog().find(answer.posted())).isPresent();
        assertThat(new JobStore(kit.core.database(), kit.clock).pending()).isZero();
        assertThat(kit.metric("dispatcher_answers_total", "outcome=\"knowledge\"")).isEqualTo(1.0);
    }

    @Test
    @DisplayName("with a model, '<specialist> is answering…' is posted at once, then edited into the finished answer with its links")
    void streamedAnswer() throws Exception {
        startWithModel();
        provider.answering("Rotate the refresh token on every use [1].");

        kit.send(kit.route("Fix JWT token expiration"));

        List<Sent> answers = answers(kit.output.sent());
        Content.Answer first = (Content.Answer) answers.get(0).content();
        assertThat(answers.get(0).method()).isEqualTo("reply");
        assertThat(first.title()).isEqualTo("🤖 auth-system-architect is answering…");
        assertThat(first.complete()).isFalse();
        Sent last = answers.get(answers.size() - 1);
        assertThat(last.method()).isEqualTo("edit");
        assertThat(last.where()).isEqualTo(answers.get(0).posted());
        Content.Answer done = (Content.Answer) last.content();
        assertThat(done.complete()).isTrue();
        assertThat(done.title()).isEqualTo("✅ auth-system-architect answered");
        assertThat(done.body()).isEqualTo("Rotate the refresh token on every use [1].");
        assertThat(done.sources()).hasSize(1);
        assertThat(kit.metric("dispatcher_answers_total", "outcome=\"answered\"")).isEqualTo(1.0);
    }

    @Test
    @DisplayName("an answer longer than a message goes on in further messages in the thread, each within the limit")
    void longAnswerIsPaged() throws Exception {
        startWithModel();
        String paragraph = "Check the token's exp claim against the server clock before refreshing it. ".repeat(8).strip();
        provider.answering(String.join("\n\n", java.util.Collections.nCopies(10, paragraph)));

        kit.send(kit.route("Fix JWT token expiration"));

        List<Sent> answers = answers(kit.output.sent());
        List<Sent> continued = answers.stream().filter(a -> a.method().equals("reply")
                && ((Content.Answer) a.content()).title().equals("(continued)")).toList();
        assertThat(continued).isNotEmpty();
        assertThat(answers).allSatisfy(a -> assertThat(((Content.Answer) a.content()).body().length())
                .isLessThanOrEqualTo(kit.output.answerLimit()));
        Sent last = answers.get(answers.size() - 1);
        assertThat(((Content.Answer) last.content()).complete()).isTrue();
        assertThat(((Content.Answer) last.content()).sources()).isNotEmpty();
    }

    @Test
    @DisplayName("a job that died while its answer streamed is resumed by editing the same message, not by answering twice")
    void resumedAnswerEditsTheSameMessage() throws Exception {
        startWithModel();
        kit.output.crashWhen("edit", c -> c instanceof Content.Answer a && a.complete());
        kit.send(kit.route("Fix JWT token expiration"));
        ConversationRef placeholder = answers(kit.output.sent()).get(0).posted();

        kit.clock.advance(PipelineKit.LEASE.plusSeconds(1));
        kit.pipeline.resumeExpired();
        kit.idle();

        List<Sent> sent = kit.output.sent();
        assertThat(sent).filteredOn(s -> s.method().startsWith("post")).hasSize(1);
        assertThat(sent).filteredOn(s -> s.method().equals("reply")).hasSize(2);
        Sent last = sent.get(sent.size() - 1);
        assertThat(last.method()).isEqualTo("edit");
        assertThat(last.where()).isEqualTo(placeholder);
        assertThat(((Content.Answer) last.content()).complete()).isTrue();
        assertThat(new JobStore(kit.core.database(), kit.clock).pending()).isZero();
    }

    @Test
    @DisplayName("routing and the routing reply never wait on the model: a second task is answered while the first answer is slow")
    void routingNeverWaits() throws Exception {
        startWithModel();
        provider.slowFor(3_000).next(Behaviour.SLOW);

        kit.pipeline.accept(kit.route("Fix JWT token expiration"), () -> { });
        kit.pipeline.accept(kit.route("Tune slow postgres queries"), () -> { });
        kit.idle();

        List<Sent> sent = kit.output.sent();
        int secondAnalysis = -1;
        int firstDone = -1;
        for (int i = 0; i < sent.size(); i++) {
            if (sent.get(i).content() instanceof Content.Analysis a && a.reply().specialist().id().equals("database-architect")) {
                secondAnalysis = i;
            }
            if (sent.get(i).content() instanceof Content.Answer a && a.complete() && a.title().contains("auth-system-architect")) {
                firstDone = i;
            }
        }
        assertThat(secondAnalysis).isNotNegative().isLessThan(firstDone);
    }

    @Test
    @DisplayName("a channel left out of DISPATCHER_ANSWER_CHANNELS gets the routing reply alone")
    void channelWithoutAnswers() throws Exception {
        start(Map.of("DISPATCHER_ANSWER_CHANNELS", "C-other"));

        kit.send(kit.route("Fix JWT token expiration"));

        assertThat(kit.output.sent()).extracting(Sent::method).containsExactly("post-via-callback", "reply");
        assertThat(new JobStore(kit.core.database(), kit.clock).pending()).isZero();
    }

    @Test
    @DisplayName("👍 and 👎 record whether the answer helped: once per person, the latest counting, withdrawn with the reaction")
    void votes() throws Exception {
        start(Map.of());
        kit.send(kit.route("Fix JWT token expiration"));
        ConversationRef answer = answers(kit.output.sent()).get(0).posted();

        kit.send(kit.vote(answer, "U0BOB", true));
        kit.send(kit.vote(answer, "U0BOB", true));
        kit.send(kit.vote(answer, "U0CAROL", true));
        kit.send(kit.vote(answer, "U0DAVE", false));
        kit.send(kit.unvote(answer, "U0CAROL", true));

        var row = kit.core.answerStats().bySpecialist(java.time.Duration.ofDays(1)).get(0);
        assertThat(row.name()).isEqualTo("auth-system-architect");
        assertThat(row.helpful()).isEqualTo(1);
        assertThat(row.unhelpful()).isEqualTo(1);
        assertThat(kit.core.answerStats().text()).contains("auth-system-architect").contains("50%");
    }

    @Test
    @DisplayName("the misroute emoji on the answer flags the routing decision, as on the analysis")
    void misrouteOnTheAnswer() throws Exception {
        start(Map.of());
        kit.send(kit.route("Fix JWT token expiration"));
        Sent answer = answers(kit.output.sent()).get(0);

        kit.send(kit.flag(answer.posted(), "U0BOB"));

        assertThat(kit.output.sent("ask")).singleElement().satisfies(ask -> assertThat(
                ((Content.MisrouteQuestion) ask.content()).flag().decision().specialist()).isEqualTo("auth-system-architect"));
    }

    @Test
    @DisplayName("votes on a message that shows no answer are ignored")
    void votesElsewhereIgnored() throws Exception {
        start(Map.of());
        kit.send(kit.route("Fix JWT token expiration"));
        ConversationRef analysis = kit.output.sent("reply").get(0).posted();

        kit.send(kit.vote(analysis, "U0BOB", true));

        assertThat(kit.core.answerStats().byTemplate(java.time.Duration.ofDays(1)).get(0).helpful()).isZero();
    }
}
