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

    /** New deliveries with and without many retries waiting at their timers (end to end). */
    record WaitingRetries(String database, Latencies without, Latencies with, long waiting, long heapBytes) {
    }

    /** The healthy callout's deliveries while another callout's RMM is healthy too, or hangs (latency end to end). */
    record IsolationSide(double throughput, Latencies at20EndToEnd, int lost) {
    }

    /** Isolation from a hanging RMM: the same measurement with the other RMM healthy and hanging. */
    record Isolation(String database, double timeoutSeconds, IsolationSide allHealthy, IsolationSide besideHanging) {

        double throughputRatio() {
            return besideHanging.throughput() / allHealthy.throughput();
        }

        /** Healthy p99 over p99 beside the hanging RMM: 1 when unchanged, 0.8 when 25 % slower. */
        double latencyRatio() {
            return allHealthy.at20EndToEnd().p99() / besideHanging.at20EndToEnd().p99();
        }
    }
}
