package dev.dispatcher.conversation;

import java.util.List;

/**
 * Who acted, as the platform told us: the user id and the ids of the roles or groups the event carried (a Discord
 * member's role ids; empty on Slack, whose events carry no user groups). Lets feedback decide who may teach.
 *
 * @param userId  the platform's user id ({@code U0…} on Slack, a snowflake on Discord)
 * @param roleIds the role or group ids the event named, possibly empty
 */
public record Actor(String userId, List<String> roleIds) {

    public Actor {
        if (userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("an actor needs a user id");
        }
        roleIds = roleIds == null ? List.of() : List.copyOf(roleIds);
    }

    /** A user the event named no roles for. */
    public static Actor user(String userId) {
        return new Actor(userId, List.of());
    }
}
