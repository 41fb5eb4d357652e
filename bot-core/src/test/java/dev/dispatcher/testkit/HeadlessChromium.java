package dev.dispatcher.testkit;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * A headless Chromium driven through Selenium: Debian's {@code chromium} and {@code chromium-driver}, never a browser
 * downloaded at test time. When they are missing the test fails, saying how to install them ({@code .ci/run} does):
 * a browser test that skipped itself would pass without testing anything.
 */
public final class HeadlessChromium {

    /** Where Debian puts the browser and its driver. */
    static final List<String> BROWSERS = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser");
    static final List<String> DRIVERS = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");

    private HeadlessChromium() {}

    /** A new browser with a tall window (the whole dashboard in one screenshot) that keeps its console log. */
    public static ChromeDriver start() {
        installWhenMissing();
        String browser = first(BROWSERS, "chromium");
        String driver = first(DRIVERS, "chromium-driver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1440,2600", "--hide-scrollbars", "--force-device-scale-factor=1");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(driver))
                .usingAnyFreePort().withTimeout(Duration.ofSeconds(60)).build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        chrome.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return chrome;
    }

    /**
     * On a Debian machine where the tests run as root (a fresh CI machine, a container), installs the browser and its
     * driver from Debian when either is missing, once per JVM, so that {@code mvn -B verify} alone runs every test.
     * Elsewhere it leaves the machine alone and {@link #first} says what to install.
     */
    private static synchronized void installWhenMissing() {
        if (present(BROWSERS) && present(DRIVERS) || installTried) {
            return;
        }
        installTried = true;
        if (!Files.isExecutable(Path.of("/usr/bin/apt-get")) || !"root".equals(System.getProperty("user.name"))) {
            return;
        }
        run("apt-get", "update", "-qq");
        run("apt-get", "install", "-y", "-qq", "chromium", "chromium-driver");
    }

    private static boolean installTried;

    private static boolean present(List<String> paths) {
        return paths.stream().anyMatch(p -> Files.isExecutable(Path.of(p)));
    }

    private static void run(String... command) {
        try {
            // Not the test JVM's own stdout: surefire talks to the forked JVM through it.
            File log = File.createTempFile("apt-get-", ".log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log);
            builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
            int status = builder.start().waitFor();
            if (status != 0) {
                throw new AssertionError(String.join(" ", command) + " failed with exit status " + status + ": "
                        + Files.readString(log.toPath()));
            }
        } catch (java.io.IOException e) {
            throw new AssertionError("could not run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + String.join(" ", command), e);
        }
    }

    private static String first(List<String> paths, String debianPackage) {
        return paths.stream().filter(p -> Files.isExecutable(Path.of(p))).findFirst().orElseThrow(() -> new AssertionError(
                "the browser tests need Debian's " + debianPackage + " (" + String.join(" or ", paths) + " is missing): "
                        + "apt-get install -y chromium chromium-driver, as .ci/run does"));
    }
}
