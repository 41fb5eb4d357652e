package dev.dispatcher.discord;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * The Discord addresses a process may be pointed at ({@code DISCORD_API_URL}, {@code DISCORD_GATEWAY_URL}): checked for
 * shape when the settings are read, and for reachability before JDA starts. JDA itself retries an unreachable gateway
 * for ever, printing a long stack trace every few seconds, and reports a malformed REST URL with a stack trace that
 * names no variable; here either is one line naming the variable.
 */
final class DiscordEndpoints {

    private DiscordEndpoints() {}

    /**
     * The URL if it has one of the schemes and a host.
     *
     * @throws IllegalArgumentException naming the variable, with an example of a good value
     */
    static String wellFormed(String variable, String value, Set<String> schemes, String example) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (schemes.contains(scheme) && uri.getHost() != null) {
                return value;
            }
        } catch (URISyntaxException malformed) {
            // reported below
        }
        throw new IllegalArgumentException(variable + " must be a " + String.join(" or ", schemes.stream().sorted().toList())
                + " URL with a host, such as " + example + ", was '" + value + "'");
    }

    /**
     * Opens and closes a TCP connection to the URL's host and port.
     *
     * @return {@code null} when it answered, else why not in a few words ({@code connection refused})
     */
    static String unreachable(String url, Duration timeout) {
        URI uri = URI.create(url);
        boolean secure = uri.getScheme().equalsIgnoreCase("https") || uri.getScheme().equalsIgnoreCase("wss");
        int port = uri.getPort() > 0 ? uri.getPort() : secure ? 443 : 80;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), port), (int) timeout.toMillis());
            return null;
        } catch (UnknownHostException e) {
            return "unknown host " + uri.getHost();
        } catch (ConnectException | NoRouteToHostException e) {
            return "connection refused";
        } catch (SocketTimeoutException e) {
            return "no answer within " + timeout.toSeconds() + " s";
        } catch (IOException e) {
            return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
    }
}
