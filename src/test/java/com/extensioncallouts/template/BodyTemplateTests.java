package com.extensioncallouts.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.helpers.DefaultHandler;

import com.extensioncallouts.problem.FieldProblem;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Values are escaped for the content type: whatever a ticket holds, the receiver's own parser (Jackson, the JDK's
 * DocumentBuilder, URLDecoder) reads back exactly the value that was posted.
 */
class BodyTemplateTests {

    private static final ObjectMapper JACKSON = new ObjectMapper();

    /** Quotes, markup, entities, backslashes, every C0 control, DEL, emoji, line separators, a nested tag. */
    static List<String> hostileValues() {
        StringBuilder controls = new StringBuilder();
        for (char c = 0; c < 0x20; c++) {
            controls.append(c);
        }
        String mixed = "He said \"close it\" & <b>left</b> 'now' \\ ]]> <!-- --> &amp; {{ticket.title}} "
                + controls + "\u007f 😀👩‍💻 \u2028\u2029 é";
        StringBuilder big = new StringBuilder();
        while (big.length() < 100 * 1024) {
            big.append(mixed);
        }
        return List.of(mixed, "", "\"", "\\", "</title>", "a\r\nb\rc\n", big.toString());
    }

    @ParameterizedTest
    @MethodSource("hostileValues")
    void jsonKeepsEveryValueInsideItsStringAndJacksonReadsItBack(String value) throws Exception {
        String body = render("{\"title\": \"{{ticket.title}}\", \"alert\": \"{{ticket.udfs.RMM Alert ID}}\","
                + " \"event\": \"{{event}}\"}", "application/json", ticket(value));

        JsonNode parsed = JACKSON.readTree(body);

        assertThat(parsed.get("title").asText()).isEqualTo(value);
        assertThat(parsed.get("alert").asText()).isEqualTo(value);
        assertThat(parsed.get("event").asText()).isEqualTo("EDITED");
        assertThat(parsed.size()).isEqualTo(3);
    }

    @Test
    void jsonEscapesALoneSurrogateSoThatTheBodyStaysValidUtf8() throws Exception {
        String value = "broken \ud83d pair";
        String body = render("{\"t\": \"{{ticket.title}}\"}", "application/vnd.rmm+json", ticket(value));

        assertThat(body).contains("\\ud83d");
        byte[] wire = body.getBytes(StandardCharsets.UTF_8);
        assertThat(JACKSON.readTree(wire).get("t").asText()).isEqualTo(value);
    }

    @ParameterizedTest
    @MethodSource("hostileValues")
    void xmlKeepsEveryValueInItsElementAndAttributeAndTheJdkParserReadsItBack(String value) throws Exception {
        String body = render("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<alert id=\"{{ticket.udfs.RMM Alert ID}}\">"
                + "<title>{{ticket.title}}</title></alert>", "application/xml", ticket(value));

        Document parsed = parseXml(body);

        // XML 1.0 cannot carry most control characters at all, not even as references: they are left out
        String expected = value.codePoints().filter(c -> c >= 0x20 || c == '\t' || c == '\n' || c == '\r')
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        assertThat(parsed.getDocumentElement().getAttribute("id")).isEqualTo(expected);
        assertThat(parsed.getElementsByTagName("title").item(0).getTextContent()).isEqualTo(expected);
        assertThat(parsed.getDocumentElement().getChildNodes().getLength()).isEqualTo(1);
    }

    @ParameterizedTest
    @MethodSource("hostileValues")
    void formEncodesEveryValueSoThatUrlDecoderReadsBackExactlyThePairs(String value) {
        String body = render("alert={{ticket.udfs.RMM Alert ID}}&note={{ticket.title}}&state=closed",
                "application/x-www-form-urlencoded", ticket(value));

        Map<String, String> pairs = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            String[] nameValue = pair.split("=", 2);
            pairs.put(URLDecoder.decode(nameValue[0], StandardCharsets.UTF_8),
                    URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8));
        }
        assertThat(pairs).containsExactly(Map.entry("alert", value), Map.entry("note", value),
                Map.entry("state", "closed"));
    }

    @Test
    void plainTextIsNotEscapedAndATagInsideAValueIsNotExpanded() {
        String value = "<b>\"A & B\"</b> {{event}}";
        assertThat(render("Ticket {{ticket.number}}: {{ticket.title}}", "text/plain", ticket(value)))
                .isEqualTo("Ticket T1: " + value);
        assertThat(render("{{{ticket.title}}}", "text/plain", ticket(value))).isEqualTo(value);
    }

    @Test
    void theScopeHasTheTicketItsUdfsAsAListTheEventAndTheCallout() {
        Map<String, Object> ticket = ticket("Disk space low");
        ticket.put("id", 4711);
        ticket.put("cost", 12.50);
        ticket.put("contact", Map.of("email", "it@customer.example"));
        @SuppressWarnings("unchecked")
        Map<String, Object> udfs = (Map<String, Object>) ticket.get("udfs");
        udfs.put("Device", "SRV-01");

        String body = BodyTemplate.compile("{{callout.name}}#{{callout.id}} {{event}} {{ticket.id}} {{ticket.cost}}"
                + " {{ticket.contact.email}} [{{#udfs}}{{name}}={{value}};{{/udfs}}] {{ticket.udfs.Device}}"
                + " missing:'{{ticket.nothing}}' {{#ticket.closed}}closed{{/ticket.closed}}"
                + "{{^ticket.closed}}open{{/ticket.closed}}",
                BodyTemplates.contentType("text/plain", new ArrayList<>()).orElseThrow())
                .render(TemplateScope.of(ticket, "CREATED", 7L, "RMM close"));

        assertThat(body).isEqualTo("RMM close#7 CREATED 4711 12.5 it@customer.example"
                + " [RMM Alert ID=Disk space low;Device=SRV-01;] SRV-01 missing:'' open");
    }

    @Test
    void aTemplateCanReadMapsAndListsButCallNoMethodOfItsValues() {
        String body = render("[{{ticket.title.class}}][{{ticket.title.length}}][{{ticket.udfs.entrySet}}]",
                "text/plain", ticket("x"));

        assertThat(body).startsWith("[][][");
    }

    @Test
    void contentTypesAreNormalisedAndSayTheirCharsetWhereTheTypeHasOne() {
        assertThat(type("Application/JSON; charset=utf-8").headerValue()).isEqualTo("application/json");
        assertThat(type("application/problem+json").escaping()).isEqualTo(BodyEscaping.JSON);
        assertThat(type("text/xml").headerValue()).isEqualTo("text/xml; charset=UTF-8");
        assertThat(type("application/soap+xml").escaping()).isEqualTo(BodyEscaping.XML);
        assertThat(type("text/plain").headerValue()).isEqualTo("text/plain; charset=UTF-8");
        assertThat(type("application/x-www-form-urlencoded").escaping()).isEqualTo(BodyEscaping.FORM);
    }

    @Test
    void otherContentTypesAndCharsetsAreRefusedWithTheReason() {
        assertThat(contentTypeProblem("text/html")).contains("'text/html' is not a content type")
                .contains("application/json, application/xml, text/xml, text/plain, application/x-www-form-urlencoded");
        assertThat(contentTypeProblem("multipart/form-data")).contains("is not a content type");
        assertThat(contentTypeProblem("application/json; charset=ISO-8859-1")).contains("UTF-8");
        assertThat(contentTypeProblem(" ")).contains("A content type is required");
    }

    @Test
    void theCacheCompilesATemplateOnceAndANewVersionAnew() {
        BodyTemplates templates = new BodyTemplates();
        BodyTemplate first = templates.compiled("{\"t\": \"{{ticket.title}}\"}", "application/json");

        assertThat(templates.compiled("{\"t\": \"{{ticket.title}}\"}", "application/json")).isSameAs(first);
        assertThat(templates.compiled("{\"title\": \"{{ticket.title}}\"}", "application/json")).isNotSameAs(first);
        assertThat(templates.compiled("{\"t\": \"{{ticket.title}}\"}", "text/plain")).isNotSameAs(first);
    }

    private static BodyContentType type(String text) {
        return BodyTemplates.contentType(text, new ArrayList<>()).orElseThrow();
    }

    private static String contentTypeProblem(String text) {
        List<FieldProblem> problems = new ArrayList<>();
        BodyTemplates.contentType(text, problems);
        assertThat(problems).singleElement().extracting(FieldProblem::field).isEqualTo("contentType");
        return problems.get(0).message();
    }

    static String render(String template, String contentType, Map<String, Object> ticket) {
        List<FieldProblem> problems = new ArrayList<>();
        BodyTemplate compiled = BodyTemplates.check(template, contentType, problems).orElseThrow(
                () -> new AssertionError(problems));
        return compiled.render(TemplateScope.of(ticket, "EDITED", 1L, "Test"));
    }

    static Map<String, Object> ticket(String title) {
        Map<String, Object> ticket = new LinkedHashMap<>();
        ticket.put("id", 1);
        ticket.put("number", "T1");
        ticket.put("title", title);
        Map<String, Object> udfs = new LinkedHashMap<>();
        udfs.put("RMM Alert ID", title);
        ticket.put("udfs", udfs);
        return ticket;
    }

    static Document parseXml(String body) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        DocumentBuilder parser = factory.newDocumentBuilder();
        parser.setErrorHandler(new DefaultHandler());
        return parser.parse(new InputSource(new StringReader(body)));
    }
}
