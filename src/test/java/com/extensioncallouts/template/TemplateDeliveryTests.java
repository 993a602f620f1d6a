package com.extensioncallouts.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import com.extensioncallouts.callout.Callout;
import com.extensioncallouts.callout.CalloutDraft;
import com.extensioncallouts.support.CalloutEngineTest;
import com.extensioncallouts.support.HttpReceiver.Received;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A TEMPLATE callout end to end: the rule's ticket goes through the engine (a JSON variable), the template is
 * rendered and the request reaches a real HTTP receiver with the template's content type, and the receiver's
 * own parser reads back every hostile value exactly.
 */
class TemplateDeliveryTests extends CalloutEngineTest {

    private static final String HOSTILE = "Printer \"HP\" <LaserJet> & 'toner' \\ 😀 \t\r\n"
            + "x".repeat(100 * 1024);

    @Test
    void aJsonTemplateArrivesAsJsonThatJacksonReadsBack() throws Exception {
        Callout callout = templated("JSON close", "application/json",
                "{\n  \"alertId\": \"{{ticket.udfs.RMM Alert ID}}\",\n  \"resolved\": true,\n"
                        + "  \"note\": \"{{ticket.title}}\",\n  \"ticket\": {{ticket.id}},\n"
                        + "  \"source\": \"{{callout.name}} / {{event}}\"\n}");

        Received request = deliver(callout, hostileTicket());

        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        JsonNode body = new ObjectMapper().readTree(request.body());
        assertThat(body.get("alertId").asText()).isEqualTo("a-<1>\"");
        assertThat(body.get("resolved").asBoolean()).isTrue();
        assertThat(body.get("note").asText()).isEqualTo(HOSTILE);
        assertThat(body.get("ticket").asInt()).isEqualTo(4711);
        assertThat(body.get("source").asText()).isEqualTo(callout.name() + " / EDITED");
    }

    @Test
    void anXmlTemplateArrivesAsXmlThatTheJdkParserReadsBack() throws Exception {
        Callout callout = templated("XML close", "text/xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<closeAlert id=\"{{ticket.udfs.RMM Alert ID}}\">\n"
                        + "  <note>{{ticket.title}}</note>\n</closeAlert>");

        Received request = deliver(callout, hostileTicket());

        assertThat(request.header("Content-Type")).isEqualTo("text/xml; charset=UTF-8");
        Document body = BodyTemplateTests.parseXml(request.body());
        assertThat(body.getDocumentElement().getAttribute("id")).isEqualTo("a-<1>\"");
        assertThat(body.getElementsByTagName("note").item(0).getTextContent()).isEqualTo(HOSTILE);
    }

    @Test
    void aFormTemplateArrivesAsPairsThatUrlDecoderReadsBack() throws Exception {
        Callout callout = templated("Form close", "application/x-www-form-urlencoded",
                "action=close&alert={{ticket.udfs.RMM Alert ID}}&note={{ticket.title}}");

        Received request = deliver(callout, hostileTicket());

        assertThat(request.header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String pair : request.body().split("&")) {
            String[] nameValue = pair.split("=", 2);
            pairs.put(URLDecoder.decode(nameValue[0], StandardCharsets.UTF_8),
                    URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8));
        }
        assertThat(pairs).containsExactly(Map.entry("action", "close"), Map.entry("alert", "a-<1>\""),
                Map.entry("note", HOSTILE));
    }

    private Callout templated(String name, String contentType, String template) {
        return create(new CalloutDraft(unique(name), RMM.url("/rmm/template"), "POST", "TEMPLATE", "NONE", null,
                null, null, null, null, "RMM Alert ID", List.of("noc@msp.example"), "ON_ERROR", true, template,
                contentType));
    }

    private Received deliver(Callout callout, Map<String, Object> ticket) {
        String instance = start(callout.name(), ticket, "EDITED");
        drive(instance);
        assertThat(endEvents(instance)).as("delivered").hasSize(1);
        assertThat(RMM.requests()).hasSize(1);
        Received request = RMM.requests().get(0);
        assertThat(delivery(instance).state().name()).isEqualTo("DELIVERED");
        return request;
    }

    private static Map<String, Object> hostileTicket() {
        Map<String, Object> ticket = ticket("T20261127.0042", "a-<1>\"");
        ticket.put("title", HOSTILE);
        return ticket;
    }
}
