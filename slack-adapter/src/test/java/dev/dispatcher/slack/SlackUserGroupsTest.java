package dev.dispatcher.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import dev.dispatcher.conversation.Actor;
import dev.dispatcher.conversation.Memberships;
import dev.dispatcher.feedback.Teachers;
import dev.dispatcher.ops.DispatcherMetrics;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Slack user groups, as asked of the Web API for who may teach")
class SlackUserGroupsTest {

    private static final Actor BOB = Actor.user("U0BOB");

    private final AtomicLong nanos = new AtomicLong();
    private FakeSlackApi slackApi;
    private MethodsClient client;

    @BeforeEach
    void start() throws Exception {
        slackApi = FakeSlackApi.start();
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(slackApi.apiUrl());
        config.setStatsEnabled(false);
        client = Slack.getInstance(config).methods(BotUnderTest.BOT_TOKEN);
    }

    @AfterEach
    void stop() {
        slackApi.close();
    }

    private SlackUserGroups groups(String... ids) {
        return new SlackUserGroups(List.of(ids), client, new DispatcherMetrics(), nanos::get);
    }

    @Test
    @DisplayName("names the configured groups the person is in, and only those")
    void namesGroupsContainingThePerson() {
        // GIVEN Bob leads but is not on call
        slackApi.userGroup("S0LEADS", "U0CAROL", BOB.userId());
        slackApi.userGroup("S0ONCALL", "U0CAROL");

        // WHEN
        List<String> found = groups("S0LEADS", "S0ONCALL").groupsOf(BOB);

        // THEN
        assertThat(found).containsExactly("S0LEADS");
    }

    @Test
    @DisplayName("a group's members are kept for five minutes, then asked for again")
    void membersKeptFiveMinutes() {
        // GIVEN a lookup already made
        slackApi.userGroup("S0LEADS", BOB.userId());
        SlackUserGroups groups = groups("S0LEADS");
        groups.groupsOf(BOB);

        // WHEN asked again within five minutes, and once more after them
        nanos.addAndGet(Duration.ofMinutes(4).toNanos());
        groups.groupsOf(Actor.user("U0CAROL"));
        int withinFive = slackApi.calls(SlackUserGroups.METHOD).size();
        nanos.addAndGet(Duration.ofMinutes(2).toNanos());
        groups.groupsOf(BOB);

        // THEN Slack was asked once for both people, and again once the answer was old
        assertThat(withinFive).isEqualTo(1);
        assertThat(slackApi.calls(SlackUserGroups.METHOD)).hasSize(2);
    }

    @Test
    @DisplayName("a failed lookup counts the person as outside the group, and is not kept")
    void failureNotKept() {
        // GIVEN Bob is a lead, but Slack's first answer is an error
        slackApi.userGroup("S0LEADS", BOB.userId());
        slackApi.failNext(SlackUserGroups.METHOD, "missing_scope");
        SlackUserGroups groups = groups("S0LEADS");

        // WHEN asked twice
        List<String> first = groups.groupsOf(BOB);
        List<String> second = groups.groupsOf(BOB);

        // THEN the first finds nothing, the second asks Slack again and finds him
        assertThat(first).isEmpty();
        assertThat(second).containsExactly("S0LEADS");
    }

    @Test
    @DisplayName("teachers naming no user group need no Slack calls at all")
    void noGroupsNoCalls() {
        // WHEN the teachers are people only
        Memberships memberships = SlackUserGroups.of(Teachers.parse("U0LEAD U0CAROL"), client, new DispatcherMetrics());
        List<String> found = memberships.groupsOf(BOB);

        // THEN
        assertThat(found).isEmpty();
        assertThat(slackApi.calls(SlackUserGroups.METHOD)).isEmpty();
    }
}
