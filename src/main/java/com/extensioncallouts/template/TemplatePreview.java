package com.extensioncallouts.template;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.xml.sax.InputSource;
import org.xml.sax.helpers.DefaultHandler;

import com.extensioncallouts.problem.FieldProblem;
import com.extensioncallouts.problem.InvalidInputException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A template rendered with a ticket (the sample one unless given) before it is saved, and whether the body is
 * well-formed JSON or XML: a value placed outside quotes, say, shows up here rather than at the RMM.
 *
 * @param contentType the {@code Content-Type} the request would carry
 * @param warning     why the body is not well-formed for its content type, or {@code null}
 */
public record TemplatePreview(String contentType, String body, String warning) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> EVENTS = Set.of("CREATED", "EDITED");

    /**
     * @param ticket the ticket to render with, or {@code null} for {@link SampleTicket} with {@code udfName}
     * @throws InvalidInputException on {@code template}, {@code contentType} or {@code event}
     */
    public static TemplatePreview render(String template, String contentType, Map<String, Object> ticket,
            String event, String udfName, String calloutName) {
        List<FieldProblem> problems = new ArrayList<>();
        String theEvent = event == null || event.isBlank() ? SampleTicket.EVENT : event.trim();
        if (!EVENTS.contains(theEvent)) {
            problems.add(new FieldProblem("event", "The event is CREATED or EDITED."));
        }
        BodyTemplate compiled = BodyTemplates.check(template, contentType, problems).orElse(null);
        if (!problems.isEmpty()) {
            TemplateLog.previewRefused(calloutName, problems.get(0).message());
            throw new InvalidInputException(problems);
        }
        Map<String, Object> theTicket = ticket == null ? SampleTicket.of(udfName) : ticket;
        String body = compiled.render(TemplateScope.of(theTicket, theEvent, null,
                calloutName == null || calloutName.isBlank() ? "Preview" : calloutName.trim()));
        TemplatePreview preview = new TemplatePreview(compiled.contentType().headerValue(), body,
                wellFormed(body, compiled.contentType().escaping()));
        TemplateLog.previewed(compiled.contentType().mediaType(), body.length(), preview.warning());
        return preview;
    }

    private static String wellFormed(String body, BodyEscaping escaping) {
        try {
            if (escaping == BodyEscaping.JSON) {
                JSON.readTree(body);
            } else if (escaping == BodyEscaping.XML) {
                DocumentBuilder parser = xmlParser().newDocumentBuilder();
                parser.setErrorHandler(new DefaultHandler()); // throws on fatal errors, prints nothing
                parser.parse(new InputSource(new StringReader(body)));
            }
            return null;
        } catch (Exception e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return "The body is not well-formed " + (escaping == BodyEscaping.JSON ? "JSON" : "XML") + ": "
                    + reason.lines().findFirst().orElse(reason);
        }
    }

    /** Reads nothing but the body: no DTD, no external entities. */
    private static DocumentBuilderFactory xmlParser() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        return factory;
    }
}
