package dev.dispatcher.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.auth.AuthTestResponse;
import dev.dispatcher.app.ExitStatus;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.SSLException;

/**
 * Calls {@code auth.test} once before the bot starts, and says what actually failed: the Web API unreachable, an HTTP
 * status, no answer in time, or the bot token refused, naming the variable to fix. Bolt's own start reports all of
 * these as an invalid token. When {@code DISPATCHER_TEACHERS} names user groups it also checks the token's scopes
 * (Slack lists them in the {@code X-OAuth-Scopes} header) for {@code usergroups:read}, without which no member of a
 * group could ever teach and nobody would hear why until someone corrected a route.
 */
final class SlackApiCheck {

    /** Slack's own Web API, when {@code SLACK_API_URL} is not set. */
    static final String SLACK_API = "https://slack.com/api/";

    /** The errors of {@code auth.test} that mean the token itself is wrong, revoked or its workspace gone. */
    private static final Set<String> TOKEN_REFUSED = Set.of("invalid_auth", "not_authed", "account_inactive",
            "token_revoked", "token_expired", "not_allowed_token_type", "team_disabled", "org_login_required");

    private static final String USER_GROUPS_SCOPE = "usergroups:read";

    private final Duration timeout;

    /** @param timeout how long {@code auth.test} may take before the Web API counts as not answering */
    SlackApiCheck(Duration timeout) {
        this.timeout = timeout;
    }

    /**
     * @throws StartFailure with exit status 2 for a setting to fix (a refused token, a URL that is no Slack Web API)
     *                      or 1 for what may pass (unreachable, HTTP 5xx, rate limit, no answer)
     */
    void check(SlackSettings settings) {
        check(settings, List.of());
    }

    /**
     * @param userGroups the Slack user groups {@code DISPATCHER_TEACHERS} names, whose members the bot must be able to list
     * @throws StartFailure as {@link #check(SlackSettings)}, and with exit status 2 when the token lacks
     *                      {@code usergroups:read} that those groups need
     */
    void check(SlackSettings settings, List<String> userGroups) {
        String url = settings.apiUrl() == null ? SLACK_API : settings.apiUrl();
        String where = "the Slack Web API at " + url + (settings.apiUrl() == null ? "" : " (SLACK_API_URL)");
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(url);
        config.setStatsEnabled(false);
        config.setHttpClientCallTimeoutMillis((int) timeout.toMillis());
        AuthTestResponse response;
        try (Slack slack = Slack.getInstance(config)) {
            response = slack.methods(settings.botToken()).authTest(r -> r);
        } catch (SlackApiException e) {
            throw httpStatus(where, e.getResponse().code());
        } catch (IOException e) {
            throw new StartFailure(ExitStatus.FAILED, "cannot reach " + where + ": " + network(e));
        } catch (Exception e) {
            throw new StartFailure(ExitStatus.FAILED, "cannot reach " + where + ": " + e.getMessage());
        }
        if (!response.isOk()) {
            String error = String.valueOf(response.getError());
            if (TOKEN_REFUSED.contains(error)) {
                throw new StartFailure(ExitStatus.BAD_USAGE, "Slack refused SLACK_BOT_TOKEN (auth.test: " + error + "): copy"
                        + " the Bot User OAuth Token (xoxb-…) again from your Slack app's OAuth & Permissions page");
            }
            throw new StartFailure(ExitStatus.FAILED, where + " answered auth.test with the error " + error);
        }
        List<String> scopes = scopes(response);
        if (!userGroups.isEmpty() && scopes != null && !scopes.contains(USER_GROUPS_SCOPE)) {
            throw new StartFailure(ExitStatus.BAD_USAGE, "DISPATCHER_TEACHERS names the Slack user group"
                    + (userGroups.size() > 1 ? "s " : " ") + String.join(", ", userGroups) + ", but SLACK_BOT_TOKEN lacks"
                    + " the scope " + USER_GROUPS_SCOPE + ", so no member of a group could teach: add the scope on your Slack"
                    + " app's OAuth & Permissions page and reinstall the app (the manifests in deploy/slack have it)");
        }
    }

    /** The token's scopes as {@code auth.test}'s answer lists them, or {@code null} when the header is missing. */
    private static List<String> scopes(AuthTestResponse response) {
        Map<String, List<String>> headers = response.getHttpResponseHeaders();
        if (headers == null) {
            return null;
        }
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            if (header.getKey() != null && header.getKey().equalsIgnoreCase("x-oauth-scopes")) {
                return header.getValue().stream().flatMap(v -> Arrays.stream(v.split(","))).map(String::strip).toList();
            }
        }
        return null;
    }

    private StartFailure httpStatus(String where, int status) {
        if (status == 429 || status >= 500) {
            return new StartFailure(ExitStatus.FAILED, where + " answered HTTP " + status + " to auth.test; try again later");
        }
        return new StartFailure(ExitStatus.BAD_USAGE, where + " answered HTTP " + status
                + " to auth.test: it is not a Slack Web API; SLACK_API_URL should end in /api/, or be unset for Slack's own");
    }

    private String network(IOException e) {
        if (e instanceof UnknownHostException) {
            return "unknown host " + e.getMessage();
        }
        if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            return "connection refused";
        }
        if (e instanceof InterruptedIOException) {
            return String.format(Locale.ROOT, "no answer to auth.test within %.1f s", timeout.toMillis() / 1000.0);
        }
        if (e instanceof SSLException) {
            return "TLS failed (" + e.getMessage() + ")";
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    /** Why the bot cannot start, and the exit status that says whose fix it is. */
    static final class StartFailure extends RuntimeException {

        private final int exitStatus;

        StartFailure(int exitStatus, String message) {
            super(message);
            this.exitStatus = exitStatus;
        }

        int exitStatus() {
            return exitStatus;
        }
    }
}
