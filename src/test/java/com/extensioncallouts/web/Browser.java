package com.extensioncallouts.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's headless Chromium, driven through {@code /usr/bin/chromedriver}. Without Chromium the
 * browser tests are skipped, except in CI ({@code CI=true}), where they must run.
 */
final class Browser {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private Browser() {
    }

    static void assumeInstalled() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        String message = "Browser tests need Chromium and its driver (" + CHROMIUM + ", " + CHROMEDRIVER
                + "). Install them with: apt-get install -y chromium chromium-driver";
        if (!installed && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(message + " (CI=true: browser tests may not be skipped)");
        }
        Assumptions.assumeTrue(installed, message);
    }

    /** A running browser and its throw-away profile directory, removed on close. */
    record Session(ChromeDriver driver, Path profile) implements AutoCloseable {
        @Override
        public void close() {
            try {
                driver.quit();
            } finally {
                deleteQuietly(profile);
            }
        }
    }

    static Session start() {
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        Path profile;
        try {
            profile = Files.createTempDirectory("callouts-chromium-");
        } catch (IOException e) {
            throw new IllegalStateException("no temporary directory for the browser profile", e);
        }
        ChromeOptions options = new ChromeOptions();
        // The console, for tests that check what the page reports (e.g. a Content-Security-Policy violation)
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,900", "--user-data-dir=" + profile);
        ChromeDriver driver = new ChromeDriver(options);
        driver.manage().window().setSize(new Dimension(1280, 900));
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new Session(driver, profile);
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a left-over temp profile is harmless
        }
    }
}
