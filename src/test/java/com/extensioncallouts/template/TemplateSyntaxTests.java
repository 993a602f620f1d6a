package com.extensioncallouts.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.extensioncallouts.problem.FieldProblem;

/** A mistake in a template is a problem on {@code template} that names its line and column. */
class TemplateSyntaxTests {

    @Test
    void aSectionNeverClosedIsNamedAtItsOpeningTag() {
        assertThat(problem("{\n  \"udfs\": [{{#udfs}}\"{{name}}\"]\n}")).isEqualTo(
                "Line 2, column 12: The section 'udfs' is never closed: add {{/udfs}}.");
    }

    @Test
    void aClosingTagThatClosesNothingOrTheWrongSection() {
        assertThat(problem("a\nb {{/ticket}}")).isEqualTo("Line 2, column 3: {{/ticket}} closes no open section.");
        assertThat(problem("{{#ticket}}\n  {{#udfs}}{{/ticket}}")).startsWith(
                "Line 2, column 12: {{/ticket}} does not close the section 'udfs' opened at line 2, column 3");
    }

    @Test
    void aTagNeverClosedEmptyOrSpanningLines() {
        assertThat(problem("{\"t\": \"{{ticket.title\"}")).isEqualTo(
                "Line 1, column 8: '{{' opens a tag that is never closed with '}}'.");
        assertThat(problem("x {{ }}")).startsWith("Line 1, column 3: An empty tag");
        assertThat(problem("\n\n   {{ticket.\ntitle}}")).isEqualTo("Line 3, column 4: A tag must not span lines.");
        assertThat(problem("{{ticket {{title}}")).startsWith("Line 1, column 1: '{{' opens a tag that is not closed");
        assertThat(problem("{{{ticket.title}} x")).isEqualTo("Line 1, column 1: '{{{' must be closed with '}}}'.");
    }

    @Test
    void columnsCountCharactersSoAnEmojiIsOne() {
        assertThat(problem("😀😀 {{/x}}")).startsWith("Line 1, column 4:");
    }

    @Test
    void unescapedValuesAreRefusedWhereTheContentTypeNeedsEscapingButNotInPlainText() {
        assertThat(problem("<t>{{{ticket.title}}}</t>", "application/xml")).startsWith(
                "Line 1, column 4: {{{ticket.title}}} would insert the value unescaped");
        assertThat(problem("a={{& ticket.title}}", "application/x-www-form-urlencoded")).startsWith(
                "Line 1, column 3: {{&ticket.title}} would insert the value unescaped");
        assertThat(problems("{{{ticket.title}}}", "text/plain")).isEmpty();
    }

    @Test
    void partialsAreRefusedAndDelimitersMayChange() {
        assertThat(problem("{{> header}}")).startsWith("Line 1, column 1: Partials, parents and blocks");
        assertThat(problems("{{=<% %>=}}{\"t\": \"<% ticket.title %>\"}", "application/json")).isEmpty();
        assertThat(problem("{{=<% %>=}}\n<%#udfs%>")).isEqualTo(
                "Line 2, column 1: The section 'udfs' is never closed: add <%/udfs%>.");
        assertThat(problem("{{= <% %> =}}")).startsWith("Line 1, column 1: Change delimiters as {{=<% %>=}}");
    }

    @Test
    void aMissingOrOverlongTemplate() {
        assertThat(problem("  ")).isEqualTo("A template is required for format TEMPLATE.");
        assertThat(problem("x".repeat(BodyTemplates.MAX_TEMPLATE + 1))).startsWith(
                "The template must be at most 65536 characters");
    }

    @Test
    void aSyntaxMistakeIsReportedEvenWhenTheContentTypeIsWrongToo() {
        List<FieldProblem> problems = new ArrayList<>();
        Optional<BodyTemplate> compiled = BodyTemplates.check("{{#x}}", "text/html", problems);

        assertThat(compiled).isEmpty();
        assertThat(problems).extracting(FieldProblem::field).containsExactly("contentType", "template");
    }

    @Test
    void aCorrectTemplateHasNoProblem() {
        assertThat(problems("{\"alert\": \"{{ticket.udfs.RMM Alert ID}}\", {{! a comment {with braces} }}"
                + " \"udfs\": [{{#udfs}}{\"{{name}}\": \"{{value}}\"}{{^-last}},{{/-last}}{{/udfs}}]}",
                "application/json")).isEmpty();
    }

    private static String problem(String template) {
        return problem(template, "application/json");
    }

    private static String problem(String template, String contentType) {
        List<FieldProblem> problems = problems(template, contentType);
        assertThat(problems).singleElement().extracting(FieldProblem::field).isEqualTo("template");
        return problems.get(0).message();
    }

    private static List<FieldProblem> problems(String template, String contentType) {
        List<FieldProblem> problems = new ArrayList<>();
        BodyTemplates.check(template, contentType, problems);
        return problems;
    }
}
