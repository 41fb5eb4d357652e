package dev.dispatcher.conversation;

import java.util.List;

/**
 * Which roles or groups a person belongs to, asked when they choose who should have had a task, so that
 * {@code DISPATCHER_TEACHERS} may name groups as well as people. The pipeline asks only when it matters: not when
 * everyone may teach, nor when the person or a role their event carried is named already. An implementation may ask
 * the platform (Slack's user groups), so it runs on a worker, never on the thread that acknowledges. Implementations
 * are thread-safe.
 */
@FunctionalInterface
public interface Memberships {

    /**
     * The ids of the roles or groups {@code actor} belongs to. Never throws: what cannot be learned is left out, so the
     * person counts as outside that group and their correction is still recorded, awaiting review.
     *
     * @param actor who chose
     * @return role or group ids, possibly empty
     */
    List<String> groupsOf(Actor actor);

    /** The roles the event itself carried (a Discord member's role ids): nothing to ask the platform. */
    static Memberships carried() {
        return Actor::roleIds;
    }
}
