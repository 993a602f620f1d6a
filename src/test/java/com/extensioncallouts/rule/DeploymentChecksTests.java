package com.extensioncallouts.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.ActiveProfiles;

import com.extensioncallouts.callout.Callout;
import com.extensioncallouts.callout.CalloutDraft;
import com.extensioncallouts.callout.CalloutService;
import com.extensioncallouts.support.Deployments;
import com.extensioncallouts.support.TestBpmn;

/**
 * What a deployment is told about its calls to {@code extension-callout}: refused when a call names no
 * callout or passes no ticket (saying where and what to add); deployed, with a warning in the log,
 * when it names a callout that does not exist.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class DeploymentChecksTests {

    private static final String UNKNOWN_CALLOUT = "CALLOUT-04005";

    @Autowired
    RepositoryService repositoryService;
    @Autowired
    ProcessEngineConfigurationImpl engineConfiguration;
    @Autowired
    CalloutService callouts;

    Deployments deployments;
    final List<Long> calloutIds = new ArrayList<>();
    String key;
    String calloutName;

    @BeforeEach
    void setUp() {
        deployments = new Deployments(repositoryService);
        String unique = UUID.randomUUID().toString().substring(0, 8);
        key = "rule-" + unique;
        calloutName = "Callout " + unique;
    }

    @AfterEach
    void tearDown() {
        deployments.deleteAll(); // first: a called callout cannot be deleted
        calloutIds.forEach(callouts::delete);
    }

    @Test
    void refusesACallThatPassesNoTicketAndSaysWhereAndWhatToAdd() {
        String xml = TestBpmn.caller(key, "Ticketless rule", "CallWithoutTicket", named(calloutName));

        assertThatThrownBy(() -> deployments.deploy("ticketless.bpmn", xml))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("Process 'Ticketless rule' (" + key + ")")
                .hasMessageContaining("call activity 'CallWithoutTicket' \"Execute Extension Callout\"")
                .hasMessageContaining("without passing the ticket")
                .hasMessageContaining("Add <camunda:in source=\"ticket\" target=\"ticket\"/>")
                .hasMessageNotContaining("without naming the callout");
        assertThat(definitions(key)).isZero();
    }

    @Test
    void aCallThatPassesNeitherIsRefusedNamingBoth() {
        String xml = TestBpmn.caller(key, null, "EmptyCall", "");

        assertThatThrownBy(() -> deployments.deploy("empty.bpmn", xml))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("without naming the callout to execute and without passing the ticket")
                .hasMessageContaining("target=\"calloutName\"")
                .hasMessageContaining("<camunda:in source=\"ticket\" target=\"ticket\"/>");
        assertThat(definitions(key)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<camunda:in source=\"ticket\" target=\"ticket\"/>",
            "<camunda:in source=\"ticket\" target=\"ticket\" local=\"true\"/>",
            "<camunda:in source=\"closedTicket\" target=\"ticket\"/>",
            "<camunda:in sourceExpression=\"${ticket}\" target=\"ticket\"/>",
            "<camunda:in variables=\"all\"/>" })
    void acceptsEveryFormThatPassesTheTicket(String ticketMapping) {
        deployments.deploy("rule.bpmn", TestBpmn.caller(key, null, "call",
                "<camunda:in sourceExpression=\"" + calloutName + "\" target=\"calloutName\"/>" + ticketMapping));

        assertThat(definitions(key)).isEqualTo(1);
    }

    @Test
    void acceptsADelegateVariableMappingWhichMayPassAnything() {
        String xml = TestBpmn.caller(key, null, "call", "").replace("calledElement=\"extension-callout\"",
                "calledElement=\"extension-callout\" camunda:variableMappingDelegateExpression=\"${ruleVariables}\"");

        deployments.deploy("delegated.bpmn", xml);

        assertThat(definitions(key)).isEqualTo(1);
    }

    @Test
    void aCallToACalloutThatDoesNotExistDeploysWithAWarningNamingProcessElementAndCallout(CapturedOutput output) {
        deployments.deploy("ghost.bpmn", TestBpmn.caller(key, "Close ghost alerts", "CallGhost", named(calloutName)
                + "<camunda:in source=\"ticket\" target=\"ticket\"/>"));

        assertThat(definitions(key)).isEqualTo(1);
        assertThat(warningsAbout(output.getOut(), key)).singleElement().satisfies(warning -> assertThat(warning)
                .contains("WARN", "'Close ghost alerts' (" + key + ")", "'CallGhost'", "'" + calloutName + "'",
                        "does not exist"));
    }

    @Test
    void noWarningWhenTheCalloutExistsWhateverTheCaseOfItsName(CapturedOutput output) {
        Callout callout = callouts.create(new CalloutDraft(calloutName, "https://rmm.example.com/close", "POST",
                "XML", "NONE", null, null, null, null, null, null, List.of("noc@msp.example"), "ON_ERROR", true));
        calloutIds.add(callout.id());

        deployments.deploy("rule.bpmn", TestBpmn.caller(key, null, "call",
                named("  " + calloutName.toUpperCase() + " ") + "<camunda:in source=\"ticket\" target=\"ticket\"/>"));

        assertThat(definitions(key)).isEqualTo(1);
        assertThat(warningsAbout(output.getOut(), key)).isEmpty();
    }

    @Test
    void noWarningAgainWhenTheEngineParsesADeployedRuleOnceMore(CapturedOutput output) {
        deployments.deploy("ghost.bpmn", TestBpmn.caller(key, null, "CallGhost", named(calloutName)
                + "<camunda:in source=\"ticket\" target=\"ticket\"/>"));
        assertThat(warningsAbout(output.getOut(), key)).hasSize(1);
        String definitionId = latest(key).getId();

        // As after a restart, or on another node: the definition is parsed again from the database
        engineConfiguration.getDeploymentCache().discardProcessDefinitionCache();
        repositoryService.getProcessDefinition(definitionId);

        assertThat(warningsAbout(output.getOut(), key)).as("a reload is no deployment").hasSize(1);
    }

    @Test
    void theExtensionCalloutProcessAndTheExampleRuleAreDeployed() {
        assertThat(definitions("extension-callout")).isPositive();
        assertThat(definitions("ticket-completed-close-rmm-alert")).isPositive();
        assertThat(definitions("callout-recovery")).isPositive();
    }

    private static List<String> warningsAbout(String output, String processKey) {
        return output.lines().filter(line -> line.contains(UNKNOWN_CALLOUT) && line.contains(processKey)).toList();
    }

    private long definitions(String processKey) {
        return repositoryService.createProcessDefinitionQuery().processDefinitionKey(processKey).count();
    }

    private ProcessDefinition latest(String processKey) {
        return repositoryService.createProcessDefinitionQuery().processDefinitionKey(processKey).latestVersion()
                .singleResult();
    }

    private static String named(String name) {
        return "<camunda:in sourceExpression=\"" + name + "\" target=\"calloutName\"/>";
    }
}
