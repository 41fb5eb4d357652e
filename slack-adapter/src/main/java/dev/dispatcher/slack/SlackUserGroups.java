package dev.dispatcher.slack;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.usergroups.users.UsergroupsUsersListResponse;
import dev.dispatcher.conversation.Actor;
import dev.dispatcher.conversation.Memberships;
import dev.dispatcher.feedback.Teachers;
import dev.dispatcher.ops.DispatcherMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Which of the Slack user groups ({@code S…}) named in {@code DISPATCHER_TEACHERS} a person is in, asked of the Web API
 * ({@code usergroups.users.list}, scope {@code usergroups:read}) with {@link WebApiRetries bounded retries}, each group's
 * members kept for {@link #KEEP} so a busy thread of corrections costs one call a group. When Slack cannot say (a
 * missing scope, an unknown group, Slack down), the failed call is logged once and counted as
 * {@code dispatcher_errors_total{kind="group_lookup_failed"}}, nothing is kept, and the person counts as outside that
 * group: their correction is recorded, awaiting review. Thread-safe.
 */
final class SlackUserGroups implements Memberships {

    static final String METHOD = "usergroups.users.list";
    static final String FAILURE = "group_lookup_failed";
    /** How long a group's members are trusted before Slack is asked again. */
    static final Duration KEEP = Duration.ofMinutes(5);

    private final List<String> groups;
    private final MethodsClient client;
    private final WebApiRetries retries;
    private final Cache<String, Set<String>> members;

    SlackUserGroups(List<String> groups, MethodsClient client, DispatcherMetrics metrics, Ticker ticker) {
        this.groups = List.copyOf(groups);
        this.client = client;
        this.retries = new WebApiRetries(metrics);
        this.members = Caffeine.newBuilder().expireAfterWrite(KEEP).maximumSize(1_000).ticker(ticker).build();
    }

    /**
     * The memberships of a Slack bot with these teachers: Slack's user groups when {@code DISPATCHER_TEACHERS} names any,
     * otherwise nothing to ask.
     */
    static Memberships of(Teachers teachers, MethodsClient client, DispatcherMetrics metrics) {
        List<String> groups = userGroups(teachers);
        return groups.isEmpty() ? Memberships.carried()
                : new SlackUserGroups(groups, client, metrics, Ticker.systemTicker());
    }

    /** The Slack user-group ids among the teachers, in a stable order. */
    static List<String> userGroups(Teachers teachers) {
        return teachers.ids().stream().filter(id -> id.startsWith("S")).sorted().toList();
    }

    @Override
    public List<String> groupsOf(Actor actor) {
        List<String> in = new ArrayList<>(actor.roleIds());
        for (String group : groups) {
            Set<String> users = members.get(group, g -> ask(g, actor.userId()));
            if (users != null && users.contains(actor.userId())) {
                in.add(group);
            }
        }
        return in;
    }

    /** The group's members, or {@code null} (kept by nobody) when Slack cannot say. */
    private Set<String> ask(String group, String user) {
        AtomicReference<List<String>> users = new AtomicReference<>();
        SlackPoster.Posted outcome = retries.call(METHOD, group, "who may teach (" + user + ", taken as outside the group)",
                FAILURE, () -> {
                    UsergroupsUsersListResponse answer = client.usergroupsUsersList(r -> r.usergroup(group));
                    users.set(answer.getUsers());
                    return answer.isOk() ? SlackPoster.Posted.ok(null) : SlackPoster.Posted.failed(answer.getError());
                });
        return outcome.ok() && users.get() != null ? Set.copyOf(users.get()) : null;
    }
}
