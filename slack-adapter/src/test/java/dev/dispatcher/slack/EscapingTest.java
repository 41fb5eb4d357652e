package dev.dispatcher.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("echoed user text never pings")
class EscapingTest extends EndToEndTest {

    private static final String PINGING_TASK = "Fix JWT token expiration <!channel> <!here> <!everyone> @everyone <@U123> & co";
    private static final List<String> PINGS = List.of("<!channel>", "<!here>", "<!everyone>", "<@U123>");

    /** Everything Slack would render of a message: its text and every text inside its blocks. */
    private static List<String> rendered(FakeSlackApi.Call message) {
        List<String> texts = new ArrayList<>();
        texts.add(message.param("text"));
        if (message.param("blocks") != null) {
            texts.addAll(BlockJson.texts(message.param("blocks")));
        }
        return texts;
    }

    @Test
    @DisplayName("a /route task full of broadcast and user mentions is posted only in escaped form")
    void routeEscapes() throws Exception {
        // WHEN Alice routes a task that contains every kind of ping
        Routed routed = route(PINGING_TASK);

        // THEN neither the announcement nor the analysis (text and blocks) contains a live ping, only escaped forms
        List<String> texts = new ArrayList<>(rendered(routed.announcement()));
        texts.addAll(rendered(routed.analysis()));
        assertThat(texts).allSatisfy(text -> assertThat(text).doesNotContain(PINGS));
        assertThat(String.join("\n", texts))
                .contains("&lt;!channel&gt;", "&lt;!here&gt;", "&lt;!everyone&gt;", "&lt;@U123&gt;", "&amp; co");
    }

    @Test
    @DisplayName("a mention full of pings is answered only in escaped form, and the correction confirmation too")
    void mentionAndConfirmationEscape() throws Exception {
        // GIVEN a mention whose task contains pings (Slack sends the requester's typed '&' as &amp;)
        bot.slack().event("Ev0PINGS", SlackRequests.mention(ALICE, CHANNEL, "1700000100.000100", null,
                "<@" + FakeSlackApi.BOT_USER + "> " + PINGING_TASK.replace("&", "&amp;")));
        FakeSlackApi.Call answer = slackApi.awaitMessages(1).get(0);
        bot.awaitIdle();

        // WHEN Bob flags it and chooses another specialist
        bot.slack().event("Ev0FLAG", SlackRequests.reaction("reaction_added", BOB, "x", CHANNEL, answer.ts()));
        FakeSlackApi.Call question = slackApi.awaitMessages(2).get(1);
        String choice = BlockJson.optionValues(question.param("blocks")).get(0);
        bot.slack().choose(BOB, CHANNEL, question.ts(), "1700000100.000100", choice);
        FakeSlackApi.Call confirmation = slackApi.awaitMessages(3).get(2);

        // THEN nothing the bot posted can ping, and '&' is shown once, not double-escaped
        for (FakeSlackApi.Call message : List.of(answer, question, confirmation)) {
            assertThat(rendered(message)).allSatisfy(text -> assertThat(text).doesNotContain(PINGS));
        }
        assertThat(answer.param("text")).contains("&lt;!here&gt;").contains("&amp; co").doesNotContain("&amp;amp;");
        assertThat(confirmation.param("text")).contains("&lt;!channel&gt;");
    }
}
