package dev.dispatcher.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dispatcher.store.FeedbackStore;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("a Slack user group named in DISPATCHER_TEACHERS decides whose corrections teach")
class TeachingGroupsTest extends EndToEndTest {

    private static final String LEADS = "S0LEADS";
    /** Routed to the database architect on its "table"; a team that files sessions under auth corrects it. */
    private static final String TASK = "Add new table for user sessions";
    private static final String ROUTED = "database-architect";
    private static final String CORRECTED = "auth-system-architect";

    @BeforeEach
    @Override
    void startBot() throws Exception {
        slackApi = FakeSlackApi.start();
        bot = BotUnderTest.startWith(slackApi, dataDir, Map.of("DISPATCHER_TEACHERS", "U0LEAD " + LEADS));
    }

    /** Bob flags a routed task and picks the auth architect in the menu; returns the confirmation in the thread. */
    private FakeSlackApi.Call bobCorrects(Routed routed) throws Exception {
        int before = slackApi.messages().size();
        bot.slack().event("Ev0FLAG" + before, SlackRequests.reaction("reaction_added", BOB, "x", CHANNEL, routed.analysis().ts()));
        FakeSlackApi.Call question = slackApi.awaitMessages(before + 1).get(before);
        String choice = BlockJson.optionValues(question.param("blocks")).stream()
                .filter(v -> v.endsWith(" " + CORRECTED)).findFirst().orElseThrow();
        bot.slack().choose(BOB, CHANNEL, question.ts(), routed.announcement().ts(), choice);
        FakeSlackApi.Call confirmation = slackApi.awaitMessages(before + 2).get(before + 1);
        bot.awaitIdle();
        return confirmation;
    }

    /** Where a new {@code /route} of the task goes, as its announcement says. */
    private String routedNow() throws Exception {
        String text = route(TASK).announcement().param("text");
        return text.contains("(`" + CORRECTED + "`)") ? CORRECTED : text.contains("(`" + ROUTED + "`)") ? ROUTED : text;
    }

    private double groupLookupFailures() {
        return bot.core().metrics().scrape().lines()
                .filter(line -> line.startsWith("dispatcher_errors_total{") && line.contains("kind=\"" + SlackUserGroups.FAILURE + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    @Test
    @DisplayName("a member of the group corrects, and routing moves at once")
    void memberTeaches() throws Exception {
        // GIVEN Bob is one of the leads, and the task goes to the database architect
        slackApi.userGroup(LEADS, "U0CAROL", BOB);
        Routed routed = route(TASK);
        assertThat(routed.announcement().param("text")).contains("(`" + ROUTED + "`)");

        // WHEN Bob corrects it to the auth architect
        FakeSlackApi.Call confirmation = bobCorrects(routed);

        // THEN Slack was asked who the leads are, the correction teaches, and the same task now goes where he said
        assertThat(slackApi.calls(SlackUserGroups.METHOD)).singleElement()
                .satisfies(call -> assertThat(call.param("usergroup")).isEqualTo(LEADS));
        assertThat(confirmation.param("text")).contains("Similar tasks will route there from now on.");
        assertThat(bot.core().feedbackStore().awaitingReview()).isEmpty();
        assertThat(routedNow()).isEqualTo(CORRECTED);
    }

    @Test
    @DisplayName("someone outside the group corrects: recorded and counted, awaiting review, routing unmoved")
    void nonMemberAwaitsReview() throws Exception {
        // GIVEN the leads are Carol only
        slackApi.userGroup(LEADS, "U0CAROL");
        Routed routed = route(TASK);

        // WHEN Bob corrects it
        FakeSlackApi.Call confirmation = bobCorrects(routed);

        // THEN his correction is kept for review, and the task still goes where it went
        assertThat(confirmation.param("text")).contains("once someone allowed to teach confirms it");
        assertThat(bot.core().feedbackStore().awaitingReview()).extracting(FeedbackStore.CorrectionRow::user)
                .containsExactly(BOB);
        assertThat(bot.core().stats().window("all time", null).corrected()).isEqualTo(1);
        assertThat(routedNow()).isEqualTo(ROUTED);
    }

    @Test
    @DisplayName("Slack cannot say who is in the group: the correction is recorded, awaiting review, and the failure counted")
    void lookupFailureKeepsCorrection() throws Exception {
        // GIVEN Bob is a lead, but the app lacks usergroups:read
        slackApi.userGroup(LEADS, BOB);
        slackApi.failNext(SlackUserGroups.METHOD, "missing_scope");
        Routed routed = route(TASK);

        // WHEN Bob corrects it
        FakeSlackApi.Call confirmation = bobCorrects(routed);

        // THEN nothing is lost: the correction waits for review, routing is unmoved, and the failure is on /metrics
        assertThat(confirmation.param("text")).contains("once someone allowed to teach confirms it");
        assertThat(bot.core().feedbackStore().awaitingReview()).hasSize(1);
        assertThat(groupLookupFailures()).isEqualTo(1);
        assertThat(routedNow()).isEqualTo(ROUTED);
    }
}
