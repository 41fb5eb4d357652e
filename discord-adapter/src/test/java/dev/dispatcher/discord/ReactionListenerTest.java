package dev.dispatcher.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dispatcher.dispatch.ConversationRef;
import java.nio.file.Path;
import java.util.Map;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.interactions.components.selections.SelectOption;
import net.dv8tion.jda.api.interactions.components.selections.StringSelectMenu;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReactionListenerTest {

    @TempDir
    Path dir;

    private DiscordTestKit kit;
    private ReactionListener listener;
    private Message analysis;

    @BeforeEach
    void start() {
        kit = DiscordTestKit.start(dir);
        listener = kit.listener(ReactionListener.class);
        analysis = kit.routed("Fix JWT token expiration");
    }

    @AfterEach
    void stop() {
        kit.close();
    }

    private int menusPosted() {
        return (int) kit.outbox("send").stream().filter(m -> !m.components().isEmpty()).count();
    }

    @Test
    @DisplayName("❌ on a routing answer posts a menu of the other specialists, its id carrying the decision")
    void flagPostsMenu() {
        // WHEN
        kit.fire(kit.reactionAdded(analysis, "❌", kit.person));

        // THEN
        Outgoing menu = kit.outbox().get(kit.outbox().size() - 1);
        assertThat(menu.channelId()).isEqualTo(DiscordTestKit.CHANNEL_ID);
        assertThat(menu.pingsNobody()).isTrue();
        assertThat(menu.content()).contains("<@" + DiscordTestKit.PERSON_ID + ">", "auth-system-architect");
        StringSelectMenu select = (StringSelectMenu) menu.components().get(0).getComponents().get(0);
        String decisionId = kit.core.feedback()
                .flag(new ConversationRef("discord", DiscordTestKit.CHANNEL_ID, null, analysis.getId()), DiscordTestKit.PERSON_ID)
                .orElseThrow().decision().id();
        assertThat(select.getId()).isEqualTo("misroute:" + decisionId);
        assertThat(select.getOptions()).extracting(SelectOption::getValue)
                .hasSize(7).doesNotContain("auth-system-architect").contains("database-architect");
    }

    @Test
    @DisplayName("the same person flagging twice gets one menu")
    void secondFlagBySamePersonPostsNothing() {
        // GIVEN
        kit.fire(kit.reactionAdded(analysis, "❌", kit.person));

        // WHEN
        kit.fire(kit.reactionAdded(analysis, "❌", kit.person));

        // THEN
        assertThat(menusPosted()).isEqualTo(1);
    }

    @Test
    @DisplayName("other emoji are ignored")
    void otherEmojiIgnored() {
        // WHEN
        kit.fire(kit.reactionAdded(analysis, "👍", kit.person));

        // THEN
        assertThat(menusPosted()).isZero();
    }

    @Test
    @DisplayName("❌ on a message that is not a routing answer is ignored")
    void otherMessagesIgnored() {
        // GIVEN
        Message chatter = kit.botMessage(kit.channel);

        // WHEN
        kit.fire(kit.reactionAdded(chatter, "❌", kit.person));

        // THEN
        assertThat(menusPosted()).isZero();
    }

    @Test
    @DisplayName("❌ on a message a person wrote is ignored")
    void peoplesMessagesIgnored() {
        // GIVEN
        Message question = kit.message(kit.channel, kit.person, "hello", false);

        // WHEN
        kit.fire(kit.reactionAdded(question, "❌", kit.user("4100", false)));

        // THEN
        assertThat(menusPosted()).isZero();
    }

    @Test
    @DisplayName("the bot's own ❌ and other bots' are ignored")
    void botReactionsIgnored() {
        // WHEN
        kit.fire(kit.reactionAdded(analysis, "❌", kit.self));
        kit.fire(kit.reactionAdded(analysis, "❌", kit.user("5000", true)));

        // THEN
        assertThat(menusPosted()).isZero();
    }

    @Test
    @DisplayName("taking the ❌ back withdraws the flag, so flagging again asks again")
    void removalUnflags() {
        // GIVEN
        kit.fire(kit.reactionAdded(analysis, "❌", kit.person));

        // WHEN
        kit.fire(kit.reactionRemoved(analysis, "❌", kit.person));

        // THEN
        kit.fire(kit.reactionAdded(analysis, "❌", kit.person));
        assertThat(menusPosted()).isEqualTo(2);
    }

    @Test
    @DisplayName("DISCORD_MISROUTE_EMOJI changes the emoji that flags, custom emoji names included")
    void configurableEmoji() {
        // GIVEN
        kit.close();
        kit = DiscordTestKit.start(dir.resolve("custom"), Map.of("DISCORD_MISROUTE_EMOJI", ":misroute:"));
        Message custom = kit.routed("Fix JWT token expiration");

        // WHEN
        kit.fire(kit.reactionAdded(custom, "❌", kit.person));
        kit.fire(kit.reactionAdded(custom, "<:misroute:123456789>", kit.person));

        // THEN
        assertThat(menusPosted()).isEqualTo(1);
    }
}
