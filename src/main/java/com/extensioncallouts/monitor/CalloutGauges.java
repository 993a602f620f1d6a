package com.extensioncallouts.monitor;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * How many deliveries wait, read from Camunda's runtime tables (small: only what is running now), each count
 * kept for {@code callouts.health.cache-for}: {@value #RETRIES_WAITING} at the "Wait before retry" timer,
 * {@value #TURNS_WAITING} at "Wait for a turn" (their callout's share of connections was taken), and
 * {@value #INCIDENTS} open incidents of callouts that failed for good. Counts for the whole cluster: every
 * node reports the same.
 */
@Component
class CalloutGauges implements SmartInitializingSingleton {

    static final String RETRIES_WAITING = "callouts.retries.waiting";
    static final String TURNS_WAITING = "callouts.turns.waiting";
    static final String INCIDENTS = "callouts.incidents";
    static final String PROCESS = "extension-callout";
    static final String RETRY_TIMER = "Timer_WaitBeforeRetry";
    static final String TURN_TIMER = "Timer_WaitForTurn";

    private final MeterRegistry registry;
    private final ManagementService management;
    private final RuntimeService runtime;
    private final HealthProperties properties;

    CalloutGauges(MeterRegistry registry, ManagementService management, RuntimeService runtime,
            HealthProperties properties) {
        this.registry = registry;
        this.management = management;
        this.runtime = runtime;
        this.properties = properties;
    }

    @Override
    public void afterSingletonsInstantiated() {
        gauge(RETRIES_WAITING, "Deliveries waiting to be sent again after a failed attempt",
                () -> management.createJobQuery().processDefinitionKey(PROCESS).activityId(RETRY_TIMER).count());
        gauge(TURNS_WAITING, "Deliveries waiting for a turn: their callout's share of connections was taken",
                () -> management.createJobQuery().processDefinitionKey(PROCESS).activityId(TURN_TIMER).count());
        gauge(INCIDENTS, "Open incidents of callouts that failed for good (retry them in Cockpit)",
                () -> runtime.createIncidentQuery().processDefinitionKeyIn(PROCESS).count());
    }

    private void gauge(String name, String description, java.util.function.Supplier<Long> count) {
        Cached<Double> cached = new Cached<>(properties.cacheFor(), () -> {
            try {
                return count.get().doubleValue();
            } catch (RuntimeException e) {
                MonitorLog.gaugeFailed(name, e);
                return Double.NaN;
            }
        });
        // Micrometer holds a gauge's object weakly; nothing else holds this one
        Gauge.builder(name, cached, Cached::get).description(description).strongReference(true).register(registry);
    }
}
