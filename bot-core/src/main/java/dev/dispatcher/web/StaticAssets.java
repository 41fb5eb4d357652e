package dev.dispatcher.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The page's script, style sheet and chart library, read once from the classpath: our files from
 * {@code dev/dispatcher/web/static/}, ECharts from its webjar. Nothing is fetched from the internet, at build or at
 * run time, by the browser or by us.
 */
final class StaticAssets {

    /** An asset's bytes and type. */
    record Asset(byte[] bytes, String type) {}

    private final Map<String, Asset> assets;

    private StaticAssets(Map<String, Asset> assets) {
        this.assets = assets;
    }

    static StaticAssets load() {
        String echarts = "META-INF/resources/webjars/echarts/" + echartsVersion() + "/dist/echarts.min.js";
        return new StaticAssets(Map.of(
                "/static/echarts.min.js", new Asset(read(echarts), "text/javascript; charset=utf-8"),
                "/static/dashboard.js", new Asset(read("dev/dispatcher/web/static/dashboard.js"), "text/javascript; charset=utf-8"),
                "/static/dashboard.css", new Asset(read("dev/dispatcher/web/static/dashboard.css"), "text/css; charset=utf-8")));
    }

    Optional<Asset> find(String path) {
        return Optional.ofNullable(assets.get(path));
    }

    private static String echartsVersion() {
        Properties properties = new Properties();
        try (InputStream in = resource("dev/dispatcher/web/assets.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("echarts.version");
    }

    private static byte[] read(String name) {
        try (InputStream in = resource(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = StaticAssets.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("the build lacks " + name + ": rebuild with mvn -pl bot-core -am install");
        }
        return in;
    }
}
