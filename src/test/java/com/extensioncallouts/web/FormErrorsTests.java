package com.extensioncallouts.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;

import com.extensioncallouts.problem.FieldProblem;

/** The API's field names land on the form's inputs, and the form opens the tab that shows them. */
class FormErrorsTests {

    private final CalloutForm form = new CalloutForm();
    private final BindingResult result = new BeanPropertyBindingResult(form, "calloutForm");

    @Test
    void everyApiFieldHasItsInput() {
        assertThat(FormErrors.formField("name")).isEqualTo("name");
        assertThat(FormErrors.formField("authentication.type")).isEqualTo("authenticationType");
        assertThat(FormErrors.formField("authentication.username")).isEqualTo("username");
        assertThat(FormErrors.formField("authentication.password")).isEqualTo("password");
        assertThat(FormErrors.formField("authentication.token")).isEqualTo("token");
        assertThat(FormErrors.formField("authentication.headerName")).isEqualTo("headerName");
        assertThat(FormErrors.formField("authentication.headerValue")).isEqualTo("headerValue");
        assertThat(FormErrors.formField("udfName")).isEqualTo("udfName");
        assertThat(FormErrors.formField("notification.recipients")).isEqualTo("recipients");
        assertThat(FormErrors.formField("notification.recipients[2]")).isEqualTo("recipients");
        assertThat(FormErrors.formField("notification.when")).isEqualTo("notifyWhen");
        assertThat(FormErrors.formField("body")).isNull();
    }

    @Test
    void aMissingRecipientOpensTheNotificationTab() {
        FormErrors.reject(result, List.of(new FieldProblem("notification.recipients", "at least one is required")));

        assertThat(result.getFieldError("recipients").getDefaultMessage()).isEqualTo("at least one is required");
        assertThat(FormErrors.tabToShow(result, "general")).isEqualTo("notification");
        assertThat(FormErrors.countOn(result, "notification")).isEqualTo(1);
        assertThat(FormErrors.countOn(result, "general")).isZero();
    }

    @Test
    void generalProblemsComeFirst() {
        FormErrors.reject(result, List.of(new FieldProblem("notification.recipients", "required"),
                new FieldProblem("url", "must be http or https")));

        assertThat(FormErrors.tabToShow(result, "notification")).isEqualTo("general");
    }

    @Test
    void aProblemWithoutAnInputIsShownAboveTheForm() {
        FormErrors.reject(result, List.of(new FieldProblem("body", "unreadable")));

        assertThat(result.getGlobalErrors()).singleElement()
                .satisfies(e -> assertThat(e.getDefaultMessage()).isEqualTo("unreadable"));
        assertThat(FormErrors.tabToShow(result, "notification")).isEqualTo("notification");
    }
}
