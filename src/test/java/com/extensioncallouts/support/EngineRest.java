package com.extensioncallouts.support;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;

/**
 * Camunda's REST API finds "the default engine" in a JVM-wide registry. In production there is one
 * engine per JVM; in a test run several cached application contexts each register (and, when
 * closed, unregister) an engine named "default". Tests that call {@code /engine-rest} point the
 * registry back at their own context's engine first.
 */
public final class EngineRest {

    private EngineRest() {
    }

    public static void useEngineOf(ProcessEngine processEngine) {
        ProcessEngines.registerProcessEngine(processEngine);
    }
}
