package com.extensioncallouts.web;

import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import com.extensioncallouts.problem.InvalidInputException;
import com.extensioncallouts.template.TemplatePreview;

/**
 * The form's "Preview": the template as typed, rendered with the sample ticket (its UDF named as the form's
 * filter). {@code {"contentType", "body", "warning"}}, or 400 {@code {"errors": [{"field", "message"}]}} with
 * the line and column of a mistake in the message, as saving would say it.
 */
@Controller
class TemplatePreviewPageController {

    @PostMapping(path = "/callouts/template-preview", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<Object> preview(@RequestParam(required = false) String template,
            @RequestParam(required = false) String contentType, @RequestParam(required = false) String udfName,
            @RequestParam(required = false) String name) {
        try {
            TemplatePreview preview = TemplatePreview.render(template == null ? null : template.replace("\r\n", "\n"),
                    contentType, null, null, udfName, name);
            return ResponseEntity.ok(preview);
        } catch (InvalidInputException e) {
            return ResponseEntity.badRequest().body(Map.of("errors", e.errors()));
        }
    }
}
