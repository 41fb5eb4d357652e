package dev.dispatcher.discord;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InteractionExpiredException;
import net.dv8tion.jda.api.exceptions.PermissionException;
import net.dv8tion.jda.api.exceptions.RateLimitedException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns what can go wrong talking to Discord into one clear log line with the decision id, and into a sentence a user
 * can read. Nothing here throws: a failed request never takes a listener down.
 */
final class DiscordFailures {

    private static final Logger LOG = LoggerFactory.getLogger(DiscordFailures.class);

    /** Failures after which the answer can still go to the channel instead of a thread. */
    private static final Set<ErrorResponse> THREAD_REFUSALS = Set.of(
            ErrorResponse.MISSING_PERMISSIONS,
            ErrorResponse.MISSING_ACCESS,
            ErrorResponse.THREAD_WITH_THIS_MESSAGE_ALREADY_EXISTS,
            ErrorResponse.MAX_ACTIVE_THREADS,
            ErrorResponse.THREAD_LOCKED);

    private DiscordFailures() {}

    /** A callback for {@code RestAction.queue(success, failure)} that logs {@code action} for {@code decisionId}. */
    static Consumer<Throwable> logging(String action, String decisionId) {
        return failure -> log(action, decisionId, failure);
    }

    /** Logs a failed request: expected conditions (expiry, permissions, deleted messages) as warnings, the rest as errors. */
    static void log(String action, String decisionId, Throwable failure) {
        String id = decisionId == null ? "-" : decisionId;
        if (isExpected(failure)) {
            LOG.warn("discord: {} failed for decision {}: {}", action, id, describe(failure));
        } else {
            LOG.error("discord: {} failed for decision {}: {}", action, id, describe(failure), failure);
        }
    }

    /** What went wrong, in words a user or an operator understands. */
    static String describe(Throwable failure) {
        if (failure instanceof PermissionException p) {
            return p.getPermission() == Permission.UNKNOWN
                    ? "missing access to the channel"
                    : "missing permission " + p.getPermission().getName();
        }
        if (failure instanceof RateLimitedException r) {
            return "rate limited by Discord on " + r.getRateLimitedRoute() + "; retry after " + r.getRetryAfter() + " ms";
        }
        if (failure instanceof TimeoutException || failure instanceof InteractionExpiredException) {
            return "the interaction expired (3 seconds to acknowledge, 15 minutes to answer)";
        }
        if (failure instanceof ErrorResponseException e) {
            return switch (e.getErrorResponse()) {
                case UNKNOWN_INTERACTION -> "the interaction expired (3 seconds to acknowledge, 15 minutes to answer)";
                case MISSING_PERMISSIONS -> "missing permissions in this channel (Discord does not say which)";
                case MISSING_ACCESS -> "missing access to the channel";
                case UNKNOWN_MESSAGE -> "the message no longer exists";
                case UNKNOWN_CHANNEL -> "the channel no longer exists";
                case THREAD_WITH_THIS_MESSAGE_ALREADY_EXISTS -> "a thread already exists on that message";
                case MAX_ACTIVE_THREADS -> "the server has reached its limit of active threads";
                case THREAD_LOCKED -> "the thread is locked";
                default -> e.getMeaning() + " (Discord error " + e.getErrorCode() + ")";
            };
        }
        return failure.toString();
    }

    /**
     * A short stable label for the error metric ({@code dispatcher_errors_total{kind=...}}): {@code interaction_expired},
     * {@code missing_permissions}, {@code missing_access}, {@code gone} (message or channel deleted), {@code thread_refused},
     * {@code rate_limited}, {@code discord_error} (any other error Discord answered), {@code shutting_down} or
     * {@code internal} (an exception of the bot's own).
     */
    static String kind(Throwable failure) {
        if (isExpiredInteraction(failure)) {
            return "interaction_expired";
        }
        if (failure instanceof PermissionException) {
            return "missing_permissions";
        }
        if (failure instanceof RateLimitedException) {
            return "rate_limited";
        }
        if (failure instanceof RejectedExecutionException) {
            return "shutting_down";
        }
        if (failure instanceof ErrorResponseException e) {
            return switch (e.getErrorResponse()) {
                case MISSING_PERMISSIONS -> "missing_permissions";
                case MISSING_ACCESS -> "missing_access";
                case UNKNOWN_MESSAGE, UNKNOWN_CHANNEL -> "gone";
                case THREAD_WITH_THIS_MESSAGE_ALREADY_EXISTS, MAX_ACTIVE_THREADS, THREAD_LOCKED -> "thread_refused";
                default -> "discord_error";
            };
        }
        return "internal";
    }

    /**
     * How a request ended, for the platform-call metric: the {@link ErrorResponse} name when Discord answered with an
     * error (e.g. {@code UNKNOWN_INTERACTION}), otherwise the {@link #kind} in capitals (e.g. {@code RATE_LIMITED}).
     */
    static String outcome(Throwable failure) {
        if (failure instanceof ErrorResponseException e) {
            return e.getErrorResponse().name();
        }
        return kind(failure).toUpperCase(Locale.ROOT);
    }

    /** Whether the interaction can no longer be answered through its hook. */
    static boolean isExpiredInteraction(Throwable failure) {
        return failure instanceof TimeoutException
                || failure instanceof InteractionExpiredException
                || failure instanceof ErrorResponseException e
                        && (e.getErrorResponse() == ErrorResponse.UNKNOWN_INTERACTION
                            || e.getErrorResponse() == ErrorResponse.UNKNOWN_WEBHOOK);
    }

    /** Whether Discord refused a thread in a way that answering in the channel works around. */
    static boolean isThreadRefusal(Throwable failure) {
        return failure instanceof PermissionException
                || failure instanceof ErrorResponseException e && THREAD_REFUSALS.contains(e.getErrorResponse());
    }

    private static boolean isExpected(Throwable failure) {
        return isThreadRefusal(failure) || isExpiredInteraction(failure) || failure instanceof RateLimitedException
                || failure instanceof ErrorResponseException e
                        && (e.getErrorResponse() == ErrorResponse.UNKNOWN_MESSAGE || e.getErrorResponse() == ErrorResponse.UNKNOWN_CHANNEL);
    }
}
