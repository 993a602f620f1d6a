package com.extensioncallouts.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The README's "Body templates" shows RMM callback shapes as templates: they compile, and rendered with a hostile
 * ticket they are still JSON and XML that the receiver's parser reads, with the values where the README says.
 */
class ReadmeTemplatesTests {

    private static final Pattern BLOCK = Pattern.compile("```(json|xml)\\n(.*?)```", Pattern.DOTALL);
    private static final String TITLE = "Toner \"low\" <HP> & 'co' \\ 😀\r\n";

    @Test
    void theJsonAndXmlShapesRenderToWhatTheirParsersRead() throws Exception {
        Map<String, String> shapes = shapes();
        assertThat(shapes).containsOnlyKeys("json", "xml");
        Map<String, Object> ticket = BodyTemplateTests.ticket(TITLE);
        ticket.put("status", "Complete");

        JsonNode json = new ObjectMapper().readTree(
                BodyTemplateTests.render(shapes.get("json"), "application/json", ticket));
        assertThat(json.get("alertUid").asText()).isEqualTo(TITLE);
        assertThat(json.at("/resolution/note").asText()).isEqualTo("Closed in the service desk: ticket T1, " + TITLE);

        Document xml = BodyTemplateTests.parseXml(BodyTemplateTests.render(shapes.get("xml"), "text/xml", ticket));
        assertThat(xml.getElementsByTagName("AlertId").item(0).getTextContent()).isEqualTo(TITLE);
        assertThat(xml.getElementsByTagName("Comment").item(0).getTextContent()).isEqualTo("EDITED: " + TITLE);
        assertThat(((org.w3c.dom.Element) xml.getElementsByTagName("Field").item(0)).getAttribute("name"))
                .isEqualTo("RMM Alert ID");
    }

    /** The json and xml blocks of the README's "Body templates" section. */
    private static Map<String, String> shapes() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("## Body templates");
        assertThat(start).as("README has a 'Body templates' section").isNotNegative();
        int end = readme.indexOf("\n## ", start + 1);
        Matcher blocks = BLOCK.matcher(readme.substring(start, end < 0 ? readme.length() : end));
        List<Map.Entry<String, String>> found = new ArrayList<>();
        while (blocks.find()) {
            found.add(Map.entry(blocks.group(1), blocks.group(2)));
        }
        return Map.ofEntries(found.toArray(Map.Entry[]::new));
    }
}
