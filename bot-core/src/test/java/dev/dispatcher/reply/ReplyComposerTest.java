package dev.dispatcher.reply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dispatcher.knowledge.PromptTemplates;
import dev.dispatcher.testkit.MiniKnowledgeBase;
import dev.dispatcher.testkit.Repository;
import dev.dispatcher.testkit.Routing;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("A reply")
class ReplyComposerTest {

    private final Routing routing = Routing.withRepositoryConfig();
    private final ReplyComposer composer = new ReplyComposer(routing.catalog(),
            new PromptTemplates(Repository.knowledgebase(), routing.catalog()));

    private Reply replyTo(String task) {
        return composer.compose("d1", task, routing.router().route(task));
    }

    @Test
    @DisplayName("follows the seed's response format: keywords, route, confidence, knowledge base")
    void seedFormat() {
        Reply reply = replyTo("Fix JWT token expiration problems");
        assertThat(reply.analysis()).extracting(Reply.Line::label)
                .startsWith("Keywords detected", "Routing to", "Confidence").contains("Knowledge base");
        assertThat(reply.analysis()).anySatisfy(line -> assertThat(line.value()).contains("jwt"));
        assertThat(reply.analysis()).anySatisfy(line -> assertThat(line.value()).startsWith("knowledgebase/backend/authentication.md"));
    }

    @Test
    @DisplayName("carries the activation template wrapped around the specialist's template, with the task filled in")
    void activationPrompt() {
        Reply reply = replyTo("Fix JWT token expiration problems");
        assertThat(reply.prompt())
                .startsWith("BACKEND TASK DISPATCH")
                .contains("ROUTED TO: auth-system-architect")
                .contains("KNOWLEDGE BASE: /backend/authentication.md")
                .contains("ORIGINAL TASK: Fix JWT token expiration problems")
                .contains("You are the auth-system-architect")
                .contains("TASK: Fix JWT token expiration problems")
                .contains("Follow SIMPLE > PERFECT philosophy")
                .doesNotContain("{user_task}", "{subagent_specific_prompt}");
    }

    @Test
    @DisplayName("never reads placeholders typed by the user as its own")
    void userBraces() {
        Reply reply = replyTo("Fix JWT {subagent_name} {user_task} token");
        assertThat(reply.prompt()).contains("ORIGINAL TASK: Fix JWT {subagent_name} {user_task} token");
    }

    @Test
    @DisplayName("says when a long task was routed on its beginning only")
    void truncationNote() {
        Reply reply = replyTo("Fix JWT token expiration. " + "x".repeat(10_000));
        assertThat(reply.notes()).anySatisfy(n -> assertThat(n).contains("only its first 2,000 were routed"));
        assertThat(reply.prompt().length()).isLessThan(6_000);
    }

    @Test
    @DisplayName("asks for clarification and suggests keywords when it falls back")
    void clarification() {
        Reply reply = replyTo("What's the best frontend framework?");
        assertThat(reply.notes()).anySatisfy(n -> assertThat(n).contains("No backend-specific keywords detected"));
        assertThat(reply.notes()).anySatisfy(n -> assertThat(n).startsWith("Could you say more"));
    }

    @Test
    @DisplayName("links to DISPATCHER_KB_URL when one is configured, at the best section")
    void linkBase(@TempDir Path dir) {
        var kb = MiniKnowledgeBase.in(dir);
        var catalog = dev.dispatcher.routing.SpecialistCatalog.load(kb.routingFile());
        var knowledge = new dev.dispatcher.knowledge.KnowledgeBase(kb.root(), catalog, "https://git.example.org/team/repo/blob/main/");
        var router = new dev.dispatcher.routing.WeightedRouter(catalog, knowledge, new dev.dispatcher.routing.TextAnalyzer(),
                dev.dispatcher.routing.CorrectionMemory.none());
        assertThat(router.route("zebra stripes on a gadget").knowledge().url())
                .isEqualTo("https://git.example.org/team/repo/blob/main/" + dir.getFileName() + "/docs/beta.md#zebra-stripes");
    }

    @Test
    @DisplayName("retries with the fallback specialist's prompt, then gives manual routing guidance, when a prompt cannot be rendered")
    void activationFailure(@TempDir Path dir) {
        // GIVEN templates loaded for alpha, beta and overview, and a catalog that has since gained gamma
        var kb = MiniKnowledgeBase.in(dir);
        var templates = new PromptTemplates(kb.root(), dev.dispatcher.routing.SpecialistCatalog.load(kb.routingFile()));
        kb.write("routing.yaml", MiniKnowledgeBase.ROUTING + MiniKnowledgeBase.GAMMA);
        var withGamma = dev.dispatcher.routing.SpecialistCatalog.load(kb.routingFile());
        var toGamma = new dev.dispatcher.routing.RoutingDecision("gamma-architect", 1, java.util.List.of(), java.util.List.of(),
                null, new dev.dispatcher.knowledge.KnowledgeLink("p", "p", null), 5, false, 0, java.util.List.of());
        // WHEN gamma's prompt cannot be rendered THEN the overview prompt stands in
        assertThat(new ReplyComposer(withGamma, templates).compose("d", "gizmo", toGamma).prompt()).contains("You are the overview-architect");
        // AND WHEN the fallback cannot be rendered either THEN the reply lists the specialists to route by hand
        var gammaFallback = dev.dispatcher.routing.SpecialistCatalog.load(kb.editRouting(
                "fallbackSpecialist: overview-architect", "fallbackSpecialist: gamma-architect").routingFile());
        assertThat(new ReplyComposer(gammaFallback, templates).compose("d", "gizmo", toGamma).prompt())
                .startsWith("The specialist prompt could not be prepared").contains("- alpha-architect: Widgets");
    }
}
