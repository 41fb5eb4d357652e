package dev.dispatcher.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dispatcher.dispatch.ConversationRef;
import java.nio.file.Path;
import net.dv8tion.jda.api.entities.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorrectionMenuListenerTest {

    @TempDir
    Path dir;

    private DiscordTestKit kit;
    private CorrectionMenuListener listener;
    private String menuId;

    @BeforeEach
    void start() {
        kit = DiscordTestKit.start(dir);
        listener = kit.listener(CorrectionMenuListener.class);
        Message analysis = kit.routed("Fix JWT token expiration");
        String decision = kit.core.feedback()
                .flag(new ConversationRef("discord", DiscordTestKit.CHANNEL_ID, null, analysis.getId()), DiscordTestKit.PERSON_ID)
                .orElseThrow().decision().id();
        menuId = CorrectionMenu.ID_PREFIX + decision;
    }

    @AfterEach
    void stop() {
        kit.close();
    }

    private Outgoing lastAnswer() {
        var answers = kit.outbox().stream().filter(o -> o.kind().equals("reply") || o.kind().equals("followup")).toList();
        return answers.get(answers.size() - 1);
    }

    @Test
    @DisplayName("choosing a specialist records the correction and confirms it publicly without pinging")
    void recordsCorrection() {
        // WHEN
        kit.fire(kit.chosen(menuId, "database-architect", kit.person));

        // THEN
        Outgoing confirmation = lastAnswer();
        assertThat(confirmation.kind()).as("a reply to the menu, in its channel").isEqualTo("reply");
        assertThat(confirmation.ephemeral()).isNull();
        assertThat(confirmation.content()).contains("Database Architect", "1 person says so");
        assertThat(confirmation.pingsNobody()).isTrue();
        assertThat(kit.core.stats().standardWindows().get(0).corrected()).isEqualTo(1);
    }

    @Test
    @DisplayName("choosing the specialist it already went to is explained to the chooser alone")
    void rejectionIsPrivate() {
        // WHEN
        kit.fire(kit.chosen(menuId, "auth-system-architect", kit.person));

        // THEN
        Outgoing rejection = lastAnswer();
        assertThat(rejection.kind()).as("through the interaction").isEqualTo("followup");
        assertThat(rejection.ephemeral()).isTrue();
        assertThat(rejection.content()).contains("already routed to auth");
    }

    @Test
    @DisplayName("a second person agreeing is counted")
    void agreementCounted() {
        // GIVEN
        kit.fire(kit.chosen(menuId, "database-architect", kit.person));

        // WHEN
        kit.fire(kit.chosen(menuId, "database-architect", kit.user("4100", false)));

        // THEN
        assertThat(lastAnswer().content()).contains("2 people say so");
    }

    @Test
    @DisplayName("menus that are not ours are left alone")
    void foreignComponentsIgnored() {
        // GIVEN
        int before = kit.outbox().size();

        // WHEN
        kit.fire(kit.chosen("colour-picker", "red", kit.person));

        // THEN
        assertThat(kit.outbox()).hasSize(before);
    }
}
