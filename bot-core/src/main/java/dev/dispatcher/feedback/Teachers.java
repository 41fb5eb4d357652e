package dev.dispatcher.feedback;

import java.util.Collection;
import java.util.Set;

/**
 * Who may teach the router ({@code DISPATCHER_TEACHERS}): Slack user ids or user-group ids, Discord user or role ids.
 * Anyone may flag and correct; a correction by someone else is recorded and counted but moves routing only once
 * someone allowed confirms it. With no ids configured, everyone teaches. Immutable.
 *
 * @param ids the user, group and role ids allowed to teach; empty for everyone
 */
public record Teachers(Set<String> ids) {

    public Teachers {
        ids = Set.copyOf(ids);
    }

    public static Teachers everyone() {
        return new Teachers(Set.of());
    }

    /** Parses the setting: ids separated by commas or spaces. */
    public static Teachers parse(String setting) {
        if (setting == null || setting.isBlank()) {
            return everyone();
        }
        return new Teachers(Set.of(java.util.Arrays.stream(setting.trim().split("[,\\s]+")).distinct().toArray(String[]::new)));
    }

    public boolean everyoneTeaches() {
        return ids.isEmpty();
    }

    /**
     * Whether this user may teach.
     *
     * @param user  the user id
     * @param roles the roles or groups the platform says the user has
     */
    public boolean mayTeach(String user, Collection<String> roles) {
        return ids.isEmpty() || ids.contains(user) || roles.stream().anyMatch(ids::contains);
    }
}
