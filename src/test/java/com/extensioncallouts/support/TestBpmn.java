package com.extensioncallouts.support;

/**
 * Small BPMN files for tests, written out in full like the files in {@code bpmn/} (without
 * diagram interchange). Every process declares a history time to live, as the engine demands.
 */
public final class TestBpmn {

    private TestBpmn() {
    }

    /**
     * A workflow rule: signal start, then a gateway; when {@code condition} holds it ends in
     * {@code Matched} (after calling the callout, if {@code calloutName} is given), else in {@code NotMatched}.
     */
    public static String rule(String key, String signal, String condition, String calloutName) {
        String matchedPath = calloutName == null
                ? """
                  <sequenceFlow id="toMatched" sourceRef="check" targetRef="Matched">
                    <conditionExpression xsi:type="tFormalExpression"><![CDATA[%s]]></conditionExpression>
                  </sequenceFlow>
                  """.formatted(condition)
                : """
                  <sequenceFlow id="toCall" sourceRef="check" targetRef="ExecuteCallout">
                    <conditionExpression xsi:type="tFormalExpression"><![CDATA[%s]]></conditionExpression>
                  </sequenceFlow>
                  %s
                  <sequenceFlow id="toMatched" sourceRef="ExecuteCallout" targetRef="Matched"/>
                  """.formatted(condition, callActivity("ExecuteCallout",
                        "<camunda:in sourceExpression=\"" + calloutName + "\" target=\"calloutName\"/>"
                                + "<camunda:in source=\"ticket\" target=\"ticket\"/>"
                                + "<camunda:in source=\"ticketEvent\" target=\"ticketEvent\"/>"));
        return definitions("""
                <signal id="signal" name="%s"/>
                <process id="%s" name="Test rule %s" isExecutable="true" camunda:historyTimeToLive="P1D">
                  <startEvent id="start"><signalEventDefinition signalRef="signal"/></startEvent>
                  <sequenceFlow id="toCheck" sourceRef="start" targetRef="check"/>
                  <exclusiveGateway id="check" default="toNotMatched"/>
                  %s
                  <endEvent id="Matched"/>
                  <sequenceFlow id="toNotMatched" sourceRef="check" targetRef="NotMatched"/>
                  <endEvent id="NotMatched"/>
                </process>
                """.formatted(signal, key, key, matchedPath));
    }

    /** A process (none start event) with one call activity {@code callActivityId} to extension-callout. */
    public static String caller(String key, String name, String callActivityId, String inMappings) {
        return definitions(process(key, name, callActivityId, inMappings));
    }

    /** The same, for several processes in one file: pairs of key and in-mappings. */
    public static String callers(String... keysAndInMappings) {
        StringBuilder processes = new StringBuilder();
        for (int i = 0; i < keysAndInMappings.length; i += 2) {
            processes.append(process(keysAndInMappings[i], null, keysAndInMappings[i] + "-call", keysAndInMappings[i + 1]));
        }
        return definitions(processes.toString());
    }

    /** Stands in for bpmn/extension-callout.bpmn: takes the variables in and ends at once. */
    public static String extensionCalloutStandIn() {
        return definitions("""
                <process id="extension-callout" name="Stand-in extension callout" isExecutable="true"
                         camunda:historyTimeToLive="P1D">
                  <startEvent id="start"/>
                  <sequenceFlow id="toEnd" sourceRef="start" targetRef="end"/>
                  <endEvent id="end"/>
                </process>
                """);
    }

    /** A stand-in for extension-callout that waits at {@code received} until signalled, so its variables can be read. */
    public static String waitingExtensionCalloutStandIn() {
        return definitions("""
                <process id="extension-callout" name="Waiting stand-in extension callout" isExecutable="true"
                         camunda:historyTimeToLive="P1D">
                  <startEvent id="start"/>
                  <sequenceFlow id="toReceived" sourceRef="start" targetRef="received"/>
                  <receiveTask id="received"/>
                  <sequenceFlow id="toEnd" sourceRef="received" targetRef="end"/>
                  <endEvent id="end"/>
                </process>
                """);
    }

    // Element ids are unique per file, so they carry the process key
    private static String process(String key, String name, String callActivityId, String inMappings) {
        return """
                <process id="%1$s" %2$s isExecutable="true" camunda:historyTimeToLive="P1D">
                  <startEvent id="%1$s-start"/>
                  <sequenceFlow id="%1$s-toCall" sourceRef="%1$s-start" targetRef="%3$s"/>
                  %4$s
                  <sequenceFlow id="%1$s-toEnd" sourceRef="%3$s" targetRef="%1$s-end"/>
                  <endEvent id="%1$s-end"/>
                </process>
                """.formatted(key, name == null ? "" : "name=\"" + name + "\"", callActivityId,
                callActivity(callActivityId, inMappings));
    }

    private static String callActivity(String id, String inMappings) {
        return """
                <callActivity id="%s" name="Execute Extension Callout" calledElement="extension-callout">
                  <extensionElements>%s</extensionElements>
                </callActivity>
                """.formatted(id, inMappings);
    }

    private static String definitions(String content) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                             xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                             xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                             targetNamespace="https://extension-callouts.dev/tests">
                %s
                </definitions>
                """.formatted(content);
    }
}
