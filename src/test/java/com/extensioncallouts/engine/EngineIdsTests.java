package com.extensioncallouts.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.extensioncallouts.callout.Callout;
import com.extensioncallouts.support.CalloutEngineTest;
import com.extensioncallouts.support.HttpReceiver.Received;

/** The engine names what it creates with ordered ids ({@link TimeOrderedIds}) in place of the starter's own. */
class EngineIdsTests extends CalloutEngineTest {

    @Autowired ProcessEngine engine;

    @Test
    void instancesAndTheirJobsGetVersion7IdsThatSortInTheOrderTheyWereMade() {
        Callout callout = create(draft(unique("Ids"), RMM.url("/rmm/ids"), "POST", "JSON", "ON_ERROR",
                "ids@msp.example"));

        String first = start(callout.name(), ticket("T1", "a-1"), "EDITED");
        String second = start(callout.name(), ticket("T2", "a-2"), "EDITED");
        Job job = management.createJobQuery().processInstanceId(second).singleResult();

        assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getIdGenerator())
                .isInstanceOf(TimeOrderedIds.class);
        assertThat(UUID.fromString(first).version()).isEqualTo(7);
        assertThat(UUID.fromString(job.getId()).version()).isEqualTo(7);
        assertThat(second).isGreaterThan(first);
        assertThat(job.getId()).isGreaterThan(second);

        drive(first);
        drive(second);
        assertThat(RMM.requests()).extracting(Received::path).containsExactly("/rmm/ids", "/rmm/ids");
        assertThat(ended(first)).isTrue();
        assertThat(ended(second)).isTrue();
    }
}
