package com.extensioncallouts.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;

import com.extensioncallouts.callout.Callout;
import com.extensioncallouts.support.CalloutEngineTest;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;

/**
 * What the engine passes on besides the delivery itself: the logging MDC of the lines written while it works on
 * an instance, and no Spring application events (application.yml: the starter's eventing is off, and of the
 * engine's logging context only the ids are kept).
 */
class EngineSideChannelsTests extends CalloutEngineTest {

    @Autowired ConfigurableApplicationContext context;

    @Test
    void aDeliverysLogLineCarriesItsInstanceActivityAndDefinitionButNotTheEngineOrActivityName() {
        MdcOfDeliveredLines lines = new MdcOfDeliveredLines();
        Logger logger = (Logger) LoggerFactory.getLogger("com.extensioncallouts.delivery");
        lines.start();
        logger.addAppender(lines);
        String instance;
        try {
            instance = deliverOne("Mdc");
        } finally {
            logger.detachAppender(lines);
        }

        assertThat(lines.mdc).hasSize(1);
        Map<String, String> mdc = lines.mdc.get(0);
        assertThat(mdc).containsEntry("processInstanceId", instance)
                .containsEntry("activityId", "Task_SendCallout")
                .hasEntrySatisfying("processDefinitionId", id -> assertThat(id).startsWith("extension-callout:"))
                // Camunda's defaults would add both (tenant and application name stay absent here either way)
                .doesNotContainKeys("engineName", "activityName");
    }

    @Test
    void theEnginePublishesNoSpringEventsForExecutionsOrHistory() {
        List<Object> fromTheEngine = new CopyOnWriteArrayList<>();
        ApplicationListener<ApplicationEvent> listener = event -> {
            Object published = event instanceof PayloadApplicationEvent<?> payload ? payload.getPayload() : event;
            if (published.getClass().getName().startsWith("org.camunda.")) {
                fromTheEngine.add(published);
            }
        };
        context.addApplicationListener(listener);
        String instance;
        try {
            instance = deliverOne("Events");
        } finally {
            context.removeApplicationListener(listener);
        }

        assertThat(ended(instance)).isTrue();
        assertThat(RMM.requests()).hasSize(1);
        assertThat(fromTheEngine).isEmpty();
    }

    /** Creates a callout, starts it for a ticket and runs its jobs: one delivery. Returns the instance. */
    private String deliverOne(String name) {
        Callout callout = create(draft(unique(name), RMM.url("/rmm/" + name), "POST", "JSON", "ON_ERROR",
                "side-channels@msp.example"));
        String instance = start(callout.name(), ticket("T-" + name, "a-" + name), "EDITED");
        drive(instance);
        return instance;
    }

    /** Copies the MDC when a delivered line is written: a logging event reads the MDC late, on whatever thread asks. */
    private static final class MdcOfDeliveredLines extends AppenderBase<ILoggingEvent> {

        final List<Map<String, String>> mdc = new CopyOnWriteArrayList<>();

        @Override
        protected void append(ILoggingEvent event) {
            if (event.getMessage().startsWith("CALLOUT-02001")) {
                mdc.add(new HashMap<>(event.getMDCPropertyMap()));
            }
        }
    }
}
