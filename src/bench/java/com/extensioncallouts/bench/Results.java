package com.extensioncallouts.bench;

import java.util.List;

/** What the benchmark measured, per application and database. */
final class Results {

    private Results() {
    }

    /** One step of the rate ramp. */
    record Step(double offeredRate, double throughput, int lost, double cpuMsPerDelivery, double dbCpuMsPerDelivery) {
    }

    /** An application on a database: the ramp to saturation and the latencies below it. */
    record Throughput(String system, String database, List<Step> steps, Latencies halfFromAccepted,
            Latencies halfFromSent, double halfRate, Latencies at20FromAccepted, Latencies at20FromSent,
            long heapBytes) {

        Step saturated() {
            return steps.stream().max(java.util.Comparator.comparingDouble(Step::throughput)).orElseThrow();
        }

        double saturation() {
            return saturated().throughput();
        }
    }

    /** How late the first retry left after its due time (interval after the failed first attempt). */
    record RetryPunctuality(String database, double intervalSeconds, Latencies lateness, int missing) {
    }

    /** New deliveries with and without many retries waiting at their timers. */
    record WaitingRetries(String database, Latencies without, Latencies with, long waiting, long heapBytes) {
    }
}
