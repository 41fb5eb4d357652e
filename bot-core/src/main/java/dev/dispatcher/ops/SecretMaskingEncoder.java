package dev.dispatcher.ops;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Wraps a log encoder and masks secrets in whatever it writes: the values of the secret environment variables, and
 * anything shaped like a Slack or Discord token, whichever library logged it. The last line of defence behind
 * "never log a secret".
 */
public final class SecretMaskingEncoder extends EncoderBase<ILoggingEvent> {

    /** Environment variables whose values must never appear in a log line. */
    public static final List<String> SECRET_VARIABLES = List.of(
            "SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN", "DISCORD_TOKEN", "DISPATCHER_DB_PASSWORD",
            "DISPATCHER_LLM_API_KEY");

    private static final Pattern TOKEN_SHAPES = Pattern.compile(
            "xox[abposr]-[A-Za-z0-9-]{6,}|xapp-[A-Za-z0-9-]{6,}|[MNO][A-Za-z0-9_-]{20,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{20,}");

    private Encoder<ILoggingEvent> encoder;
    private List<String> secrets = List.of();

    public void setEncoder(Encoder<ILoggingEvent> encoder) {
        this.encoder = encoder;
    }

    @Override
    public void start() {
        secrets = secretsFrom(System.getenv());
        encoder.start();
        super.start();
    }

    static List<String> secretsFrom(Map<String, String> env) {
        List<String> values = new ArrayList<>();
        for (String name : SECRET_VARIABLES) {
            String value = env.get(name);
            if (value != null && value.length() >= 6) {
                values.add(value);
            }
        }
        return values;
    }

    /** Masks secrets and token shapes in one rendered line. */
    public static String mask(String line, List<String> secrets) {
        String masked = line;
        for (String secret : secrets) {
            masked = masked.replace(secret, "***");
        }
        return TOKEN_SHAPES.matcher(masked).replaceAll("***");
    }

    @Override
    public byte[] headerBytes() {
        return encoder.headerBytes();
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        String line = new String(encoder.encode(event), StandardCharsets.UTF_8);
        return mask(line, secrets).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] footerBytes() {
        return encoder.footerBytes();
    }

    @Override
    public void stop() {
        encoder.stop();
        super.stop();
    }
}
