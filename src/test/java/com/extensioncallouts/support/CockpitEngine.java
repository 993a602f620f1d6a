package com.extensioncallouts.support;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;

/**
 * Camunda's web apps (Cockpit, its login) look their engine up by name in a registry that the whole JVM
 * shares. Every test context has an engine named "default" of its own, on a database of its own, and the one
 * registered last wins: a test that talks to Cockpit first makes its own context's engine the registered one.
 */
public final class CockpitEngine {

    private CockpitEngine() {
    }

    public static void use(ProcessEngine engine) {
        ProcessEngines.registerProcessEngine(engine);
    }
}
