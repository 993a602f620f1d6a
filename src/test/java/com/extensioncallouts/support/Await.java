package com.extensioncallouts.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for something another thread, node or process does: polls the condition until it holds or time is up. */
public final class Await {

    private Await() {
    }

    /** Returns once {@code condition} holds; otherwise fails the test after {@code timeout}, naming {@code what}. */
    public static void until(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout + ": " + what);
            }
            Thread.sleep(50);
        }
    }
}
