package com.extensioncallouts.web;

import java.time.Duration;
import java.util.Optional;

import com.extensioncallouts.signing.SigningSecrets;

/**
 * The form's Signing section: whether the callout signs its requests, since when, until when a rotated-out
 * secret still signs, and how long a rotation keeps the old secret signing (in words).
 */
record SigningPanel(boolean on, String since, String previousUntil, String overlap) {

    static final String ATTRIBUTE = "signing";

    static SigningPanel of(Optional<SigningSecrets.State> state, Duration overlap) {
        return state.map(s -> new SigningPanel(true, UtcTimes.shown(s.since()), UtcTimes.shown(s.previousUntil()),
                words(overlap))).orElseGet(() -> new SigningPanel(false, null, null, words(overlap)));
    }

    /** {@code PT24H} as "24 hours", {@code PT90M} as "90 minutes", {@code PT1S} as "1 second". */
    static String words(Duration duration) {
        if (duration.toSeconds() % 3600 == 0 && !duration.isZero()) {
            return plural(duration.toHours(), "hour");
        }
        if (duration.toSeconds() % 60 == 0 && !duration.isZero()) {
            return plural(duration.toMinutes(), "minute");
        }
        return plural(duration.toSeconds(), "second");
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
