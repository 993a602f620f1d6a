package com.extensioncallouts.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.variable.serializer.TypedValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFieldsImpl;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.spin.DataFormats;
import org.camunda.spin.plugin.impl.SpinObjectValueSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.extensioncallouts.support.CalloutEngineTest;

/**
 * Where the engine keeps a JSON object variable such as a ticket ({@link InlineJsonSerializer}): in the variable's
 * own row up to 4,000 characters, in a byte array row beyond that, and read back the same either way.
 */
class InlineJsonSerializerTests extends CalloutEngineTest {

    private static final String PROCESS = "inline-json-holder";
    private static final String CHANGER = "inline-json-changer";

    @Autowired RepositoryService repository;
    @Autowired JdbcTemplate jdbc;
    @Autowired ProcessEngineConfigurationImpl configuration;
    private String deploymentId;

    @BeforeEach
    void deployAProcessThatHoldsItsVariables() {
        BpmnModelInstance waits = Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1)
                .startEvent().userTask("hold").endEvent().done();
        // changes the ticket map in place, without setVariable, then waits
        BpmnModelInstance changes = Bpmn.createExecutableProcess(CHANGER).camundaHistoryTimeToLive(1)
                .startEvent().serviceTask("close").camundaExpression("${ticket.put('status', 'Closed')}")
                .userTask("hold").endEvent().done();
        deploymentId = repository.createDeployment().addModelInstance(PROCESS + ".bpmn", waits)
                .addModelInstance(CHANGER + ".bpmn", changes).deploy().getId();
    }

    @AfterEach
    void removeIt() {
        repository.deleteDeployment(deploymentId, true);
    }

    @Test
    void aTicketIsKeptInItsVariableRowAndItsHistoryRowAndReadBackAsAMap() {
        String instance = startHolding(ticket("T1", "a-1"));

        Map<String, Object> row = variableRow(instance);
        assertThat(row.get("BYTEARRAY_ID_")).isNull();
        assertThat((String) row.get("TEXT_")).contains("\"number\":\"T1\"", "\"RMM Alert ID\":\"a-1\"");
        Map<String, Object> historyRow = jdbc.queryForMap("select TEXT_, BYTEARRAY_ID_ from ACT_HI_VARINST "
                + "where PROC_INST_ID_ = ? and NAME_ = 'ticket'", instance);
        assertThat(historyRow).containsEntry("TEXT_", row.get("TEXT_")).containsEntry("BYTEARRAY_ID_", null);
        assertThat(jdbc.queryForObject("select count(*) from ACT_GE_BYTEARRAY where ROOT_PROC_INST_ID_ = ?",
                Integer.class, instance)).isZero();

        assertThat(ticketOf(instance)).containsEntry("number", "T1")
                .containsEntry("udfs", Map.of("RMM Alert ID", "a-1"));
        ObjectValue serialized = runtime.getVariableTyped(instance, "ticket", false);
        assertThat(serialized.getValueSerialized()).isEqualTo(row.get("TEXT_"));
        assertThat(serialized.getSerializationDataFormat()).isEqualTo("application/json");
        assertThat(serialized.getObjectTypeName()).isEqualTo(row.get("TEXT2_"));
        Object kept = history.createHistoricVariableInstanceQuery().processInstanceId(instance)
                .variableName("ticket").singleResult().getValue();
        assertThat(kept).isInstanceOf(Map.class);
        assertThat(((Map<?, ?>) kept).get("number")).isEqualTo("T1");
    }

    @Test
    void exactlyFourThousandCharactersStayInTheRowOneMoreGoesToAByteArray() {
        int overhead = ((String) variableRow(startHolding(withDescription("T2", 0))).get("TEXT_")).length();

        String fits = startHolding(withDescription("T2", InlineJsonSerializer.MAX_INLINE - overhead));
        String tooLong = startHolding(withDescription("T2", InlineJsonSerializer.MAX_INLINE - overhead + 1));

        assertThat((String) variableRow(fits).get("TEXT_")).hasSize(InlineJsonSerializer.MAX_INLINE);
        assertThat(variableRow(fits).get("BYTEARRAY_ID_")).isNull();
        assertThat(variableRow(tooLong).get("TEXT_")).isNull();
        assertThat(variableRow(tooLong).get("BYTEARRAY_ID_")).isNotNull();
        assertThat((String) ticketOf(tooLong).get("description"))
                .hasSize(InlineJsonSerializer.MAX_INLINE - overhead + 1);
    }

    @Test
    void aLongTicketReplacedByAShortOneLeavesNoByteArrayBehind() {
        String instance = startHolding(withDescription("T3", 5_000));
        String byteArray = (String) variableRow(instance).get("BYTEARRAY_ID_");
        assertThat(byteArray).isNotNull();
        assertThat((String) ticketOf(instance).get("description")).hasSize(5_000);

        runtime.setVariable(instance, "ticket", json(ticket("T3", "a-3")));

        assertThat(variableRow(instance).get("BYTEARRAY_ID_")).isNull();
        assertThat(jdbc.queryForObject("select count(*) from ACT_GE_BYTEARRAY where ID_ = ?", Integer.class,
                byteArray)).isZero();
        assertThat(ticketOf(instance)).containsEntry("number", "T3").doesNotContainKey("description");
        Map<String, Object> detail = jdbc.queryForList("select TEXT_, BYTEARRAY_ID_ from ACT_HI_DETAIL "
                + "where PROC_INST_ID_ = ? and NAME_ = 'ticket' order by SEQUENCE_COUNTER_ desc", instance).get(0);
        assertThat((String) detail.get("TEXT_")).contains("\"number\":\"T3\"");
        assertThat(detail.get("BYTEARRAY_ID_")).isNull();

        runtime.setVariable(instance, "ticket", json(withDescription("T3", 5_000)));

        assertThat(variableRow(instance).get("TEXT_")).isNull();
        assertThat((String) ticketOf(instance).get("description")).hasSize(5_000);
    }

    @Test
    void aTicketChangedInPlaceIsSavedAsCamundaSavesIt() {
        String instance = runtime.startProcessInstanceByKey(CHANGER, Map.of("ticket", json(ticket("T4", "a-4"))))
                .getId();

        assertThat(ticketOf(instance)).containsEntry("status", "Closed");
        assertThat((String) variableRow(instance).get("TEXT_")).contains("\"status\":\"Closed\"");
    }

    @Test
    void aTicketStoredAsAByteArrayIsReadWithoutBeingWrittenAgainAndMovesToItsRowWhenItChanges() {
        Map<String, Object> ticket = ticket("T5", "a-5");
        String instance = startHolding(ticket);
        String byteArray = storeAsPlainCamundaDoes(instance, ticket);
        int revision = revisionOf(instance);

        assertThat(ticketOf(instance)).containsEntry("number", "T5");
        assertThat(runtime.getVariables(instance)).containsKey("ticket");

        assertThat(revisionOf(instance)).isEqualTo(revision);
        assertThat(variableRow(instance)).containsEntry("BYTEARRAY_ID_", byteArray).containsEntry("TEXT_", null);

        runtime.setVariable(instance, "ticket", json(ticket("T5", "a-55")));

        assertThat(variableRow(instance).get("BYTEARRAY_ID_")).isNull();
        assertThat((String) variableRow(instance).get("TEXT_")).contains("a-55");
        assertThat(jdbc.queryForObject("select count(*) from ACT_GE_BYTEARRAY where ID_ = ?", Integer.class,
                byteArray)).isZero();
    }

    @Test
    void writesExactlyTheBytesSpinsOwnSerializerWrites() {
        Map<String, Object> ticket = ticket("T6", "a-6");
        ticket.put("title", "Ünïcödé «quotes» \"escaped\" back\\slash\nnew line\ttab \u0001 emoji 🙂 lone \uD800 end");
        ticket.put("numbers", List.of(1, 2L, 3.25, new BigDecimal("1.50"), Long.MAX_VALUE, -0.0));
        ticket.put("nothing", null);
        ticket.put("closed", true);
        ticket.put("nested", Map.of("list", List.of(Map.of("k", "v"), List.of())));

        byte[][] written = writtenByOursAndSpins(ticket);

        // Spin's tree writes 1.50 as 1.5, and the charset's replacement for a lone surrogate: so do we
        assertThat(new String(written[0], StandardCharsets.UTF_8)).contains("\"number\":\"T6\"", "Ünïcödé", "🙂",
                "lone ? end", "3.25,1.5,");
        assertThat(written[0]).isEqualTo(written[1]);
    }

    @Test
    void aLongTicketWithACharacterPairAcrossSpinsBufferIsWrittenTheSame() {
        Map<String, Object> ticket = withDescription("T7", 0);
        String start = new String(writtenByOursAndSpins(ticket)[1], StandardCharsets.UTF_8);
        int description = start.indexOf("\"description\":\"") + "\"description\":\"".length();
        // the emoji's two chars straddle the 8,192 chars Spin's BufferedWriter holds
        ticket.put("description", "x".repeat(8191 - description) + "🙂" + "y".repeat(100));

        byte[][] written = writtenByOursAndSpins(ticket);

        assertThat(new String(written[1], StandardCharsets.UTF_8).indexOf("🙂")).isEqualTo(8191);
        assertThat(written[0]).hasSizeGreaterThan(InlineJsonSerializer.MAX_INLINE).isEqualTo(written[1]);
    }

    @Test
    void inAnEngineCharsetWithoutACharacterBothWriteItsReplacement() {
        Map<String, Object> ticket = ticket("T8", "a-8");
        ticket.put("title", "Disk 🙂 full on SRV-Ü");
        Charset engines = configuration.getDefaultCharset();
        configuration.setDefaultCharset(StandardCharsets.US_ASCII);
        byte[][] written;
        try {
            written = writtenByOursAndSpins(ticket);
        } finally {
            configuration.setDefaultCharset(engines);
        }

        assertThat(new String(written[0], StandardCharsets.US_ASCII)).contains("Disk ? full on SRV-?");
        assertThat(written[0]).isEqualTo(written[1]);
    }

    /** The bytes this application's serializer writes for a ticket, and those Spin's own writes. */
    private byte[][] writtenByOursAndSpins(Map<String, Object> ticket) {
        TypedValueSerializer<?> ours = configuration.getVariableSerializers().getSerializerByName(
                InlineJsonSerializer.NAME);
        assertThat(ours).isInstanceOf(InlineJsonSerializer.class);
        return configuration.getCommandExecutorTxRequired().execute(context -> new byte[][] {
                bytesWrittenBy(ours, json(ticket)), bytesWrittenBy(spins(), json(ticket)) });
    }

    private static SpinObjectValueSerializer spins() {
        return new SpinObjectValueSerializer(InlineJsonSerializer.NAME, DataFormats.json());
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    private static byte[] bytesWrittenBy(TypedValueSerializer serializer, ObjectValue value) {
        ValueFieldsImpl fields = new ValueFieldsImpl();
        serializer.writeValue(value, fields);
        return fields.getByteArrayValue();
    }

    /** Replaces the ticket kept in its row by a byte array row of what Spin's own serializer writes for it. */
    private String storeAsPlainCamundaDoes(String instance, Map<String, Object> ticket) {
        Map<String, Object> row = jdbc.queryForMap("select ID_, TEXT_ from ACT_RU_VARIABLE "
                + "where PROC_INST_ID_ = ? and NAME_ = 'ticket'", instance);
        byte[] spinsBytes = configuration.getCommandExecutorTxRequired()
                .execute(context -> bytesWrittenBy(spins(), json(ticket)));
        String byteArray = UUID.randomUUID().toString();
        jdbc.update("insert into ACT_GE_BYTEARRAY (ID_, REV_, NAME_, BYTES_, TYPE_, ROOT_PROC_INST_ID_) "
                + "values (?, 1, 'ticket', ?, 1, ?)", byteArray, spinsBytes, instance);
        jdbc.update("update ACT_RU_VARIABLE set TEXT_ = null, BYTEARRAY_ID_ = ? where ID_ = ?", byteArray,
                row.get("ID_"));
        return byteArray;
    }

    private int revisionOf(String instance) {
        return jdbc.queryForObject("select REV_ from ACT_RU_VARIABLE where PROC_INST_ID_ = ? and NAME_ = 'ticket'",
                Integer.class, instance);
    }

    private String startHolding(Map<String, Object> ticket) {
        return runtime.startProcessInstanceByKey(PROCESS, Map.of("ticket", json(ticket))).getId();
    }

    private static Map<String, Object> withDescription(String number, int length) {
        Map<String, Object> ticket = ticket(number, "a-" + number);
        ticket.put("description", "x".repeat(length));
        return ticket;
    }

    private Map<String, Object> variableRow(String instance) {
        return jdbc.queryForMap("select TEXT_, TEXT2_, BYTEARRAY_ID_ from ACT_RU_VARIABLE "
                + "where PROC_INST_ID_ = ? and NAME_ = 'ticket'", instance);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> ticketOf(String instance) {
        return (Map<String, Object>) runtime.getVariable(instance, "ticket");
    }
}
