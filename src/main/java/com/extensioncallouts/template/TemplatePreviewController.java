package com.extensioncallouts.template;

import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/callouts/template-preview}: renders a template before it is saved, with the sample ticket or
 * one the client sends. Nothing is stored or sent. A mistake is the same 400 as saving it would be.
 */
@RestController
class TemplatePreviewController {

    /** The request; only {@code template} and {@code contentType} are required. */
    record PreviewRequest(String template, String contentType, Map<String, Object> ticket, String event,
            String udfName, String name) {
    }

    @PostMapping(path = "/api/callouts/template-preview", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    TemplatePreview preview(@RequestBody PreviewRequest request) {
        return TemplatePreview.render(request.template(), request.contentType(), request.ticket(), request.event(),
                request.udfName(), request.name());
    }
}
