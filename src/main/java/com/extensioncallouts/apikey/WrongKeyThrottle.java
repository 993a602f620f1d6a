package com.extensioncallouts.apikey;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts wrong API keys per source address. A source that sends {@value #LIMIT} wrong keys within a minute is
 * refused (429) for the rest of that minute, before any key is checked: the source is slowed down, never the
 * key's owner, and no key is ever locked. At most {@value #MAX_SOURCES} sources are tracked.
 */
final class WrongKeyThrottle {

    static final int LIMIT = 20;
    static final Duration WINDOW = Duration.ofMinutes(1);
    static final int MAX_SOURCES = 10_000;

    private record Window(long startNanos, int wrong) {
    }

    private final Map<String, Window> bySource = new ConcurrentHashMap<>();

    /** How long this source must wait, or {@code Duration.ZERO} if it may try. */
    Duration waitFor(String source) {
        Window window = bySource.get(source);
        if (window == null || window.wrong() < LIMIT) {
            return Duration.ZERO;
        }
        long left = window.startNanos() + WINDOW.toNanos() - System.nanoTime();
        if (left <= 0) {
            bySource.remove(source);
            return Duration.ZERO;
        }
        return Duration.ofNanos(left);
    }

    void wrongKey(String source) {
        if (bySource.size() >= MAX_SOURCES && !bySource.containsKey(source)) {
            bySource.clear(); // a flood of sources: start afresh rather than grow without bound
        }
        long now = System.nanoTime();
        bySource.compute(source, (s, window) -> window == null || now - window.startNanos() >= WINDOW.toNanos()
                ? new Window(now, 1) : new Window(window.startNanos(), window.wrong() + 1));
    }
}
