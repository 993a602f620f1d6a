package com.extensioncallouts.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every file in {@code bpmn/} is a drawn diagram that Camunda Modeler opens as it was drawn, and
 * that the engine accepts: schema-valid, a history time to live, a shape for every flow node, an
 * edge for every sequence flow, and incoming/outgoing references that match the flows.
 */
class BpmnFilesTests {

    private static final Path BPMN_DIR = Path.of("bpmn");

    @TestFactory
    Stream<DynamicTest> everyBpmnFileIsADrawnDeployableDiagram() throws IOException {
        Set<Path> files;
        try (Stream<Path> walk = Files.walk(BPMN_DIR)) {
            files = walk.filter(p -> p.toString().endsWith(".bpmn")).collect(Collectors.toSet());
        }
        assertThat(files).as("BPMN files in %s", BPMN_DIR.toAbsolutePath()).isNotEmpty();
        return files.stream().sorted().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(),
                () -> check(Bpmn.readModelFromFile(file.toFile()))));
    }

    private static void check(BpmnModelInstance model) {
        for (Process process : model.getModelElementsByType(Process.class)) {
            if (process.isExecutable()) {
                assertThat(process.getCamundaHistoryTimeToLiveString())
                        .as("camunda:historyTimeToLive of process %s", process.getId()).isNotBlank();
            }
        }
        Set<String> shapes = model.getModelElementsByType(BpmnShape.class).stream()
                .filter(s -> s.getBpmnElement() != null).map(s -> s.getBpmnElement().getId())
                .collect(Collectors.toSet());
        Set<String> edges = model.getModelElementsByType(BpmnEdge.class).stream()
                .filter(e -> e.getBpmnElement() != null).map(e -> e.getBpmnElement().getId())
                .collect(Collectors.toSet());
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            assertThat(shapes).as("a BPMNShape for %s", node.getId()).contains(node.getId());
        }
        for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
            assertThat(edges).as("a BPMNEdge for flow %s", flow.getId()).contains(flow.getId());
            assertThat(flow.getSource().getOutgoing()).as("outgoing of %s", flow.getSource().getId()).contains(flow);
            assertThat(flow.getTarget().getIncoming()).as("incoming of %s", flow.getTarget().getId()).contains(flow);
        }
    }
}
