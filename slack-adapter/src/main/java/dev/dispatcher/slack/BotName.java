package dev.dispatcher.slack;

import com.slack.api.methods.MethodsClient;
import java.util.function.Supplier;

/**
 * The bot's user name as Slack knows it ({@code auth.test}), asked once when first needed: the invitation hint names
 * it. Falls back to {@code dispatcher} when Slack cannot say. Thread-safe.
 */
final class BotName implements Supplier<String> {

    private static final String FALLBACK = "dispatcher";

    private final MethodsClient client;
    private volatile String name;

    BotName(MethodsClient client) {
        this.client = client;
    }

    @Override
    public String get() {
        String known = name;
        if (known == null) {
            try {
                String user = client.authTest(r -> r).getUser();
                known = user == null || user.isBlank() ? FALLBACK : user;
            } catch (Exception e) {
                known = FALLBACK;
            }
            name = known;
        }
        return known;
    }
}
