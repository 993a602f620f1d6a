package com.extensioncallouts.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.extensioncallouts.callout.Authentication;
import com.extensioncallouts.callout.AuthenticationType;
import com.extensioncallouts.callout.Callout;
import com.extensioncallouts.callout.CalloutDraft;
import com.extensioncallouts.callout.CalloutMethod;
import com.extensioncallouts.callout.DataFormat;
import com.extensioncallouts.callout.Notification;
import com.extensioncallouts.callout.NotifyWhen;

/** What the form hands to the service, and what it shows of a stored callout. */
class CalloutFormTests {

    @Test
    void aNewFormStartsWithTheApiDefaults() {
        CalloutDraft draft = new CalloutForm().toDraft();

        assertThat(draft.method()).isEqualTo("POST");
        assertThat(draft.format()).isEqualTo("XML");
        assertThat(draft.authenticationType()).isEqualTo("NONE");
        assertThat(draft.notifyWhen()).isEqualTo("ON_ERROR");
        assertThat(draft.active()).isTrue();
        assertThat(draft.name()).isNull();
        assertThat(draft.recipients()).isEmpty();
    }

    @Test
    void recipientsMayBeTypedOnePerLineOrSeparatedByCommas() {
        CalloutForm form = new CalloutForm();
        form.setRecipients(" noc@msp.example\r\noncall@msp.example, lead@msp.example;\n\n boss@msp.example ");

        assertThat(form.toDraft().recipients())
                .containsExactly("noc@msp.example", "oncall@msp.example", "lead@msp.example", "boss@msp.example");
    }

    @Test
    void theTemplateInputsAreSubmittedOnlyWithFormatTemplateWithTheTypedLineFeeds() {
        CalloutForm form = new CalloutForm();
        form.setTemplate("{\r\n  \"t\": \"{{ticket.title}}\"\r\n}");
        form.setContentType("text/xml");

        assertThat(form.toDraft().template()).as("format XML").isNull();
        assertThat(form.toDraft().contentType()).isNull();

        form.setFormat("TEMPLATE");
        assertThat(form.toDraft().template()).isEqualTo("{\n  \"t\": \"{{ticket.title}}\"\n}");
        assertThat(form.toDraft().contentType()).isEqualTo("text/xml");
        assertThat(form.getContentTypeOptions()).startsWith("application/json").contains("text/xml").hasSize(5);

        form.setContentType("application/vnd.rmm+json");
        assertThat(form.getContentTypeOptions()).as("a stored type the page does not offer stays choosable")
                .hasSize(6).endsWith("application/vnd.rmm+json");
    }

    @Test
    void onlyTheInputsOfTheChosenAuthenticationTypeAreSubmitted() {
        CalloutForm form = new CalloutForm();
        form.setAuthenticationType("BEARER");
        form.setUsername("left over from BASIC");
        form.setPassword("left over");
        form.setToken("tok-123");
        form.setHeaderName("X-Key");

        CalloutDraft draft = form.toDraft();

        assertThat(draft.token()).isEqualTo("tok-123");
        assertThat(draft.username()).isNull();
        assertThat(draft.password()).isNull();
        assertThat(draft.headerName()).isNull();
        assertThat(draft.headerValue()).isNull();
    }

    @Test
    void anEmptySecretInputMeansKeepTheStoredSecret() {
        CalloutForm form = new CalloutForm();
        form.setAuthenticationType("BASIC");
        form.setUsername("psa");
        form.setPassword("");

        assertThat(form.toDraft().password()).isNull();
    }

    @Test
    void aSecretIsSubmittedExactlyAsTyped() {
        CalloutForm form = new CalloutForm();
        form.setAuthenticationType("HEADER");
        form.setHeaderName(" X-Api-Key ");
        form.setHeaderValue(" spaced secret ");

        assertThat(form.toDraft().headerName()).isEqualTo("X-Api-Key");
        assertThat(form.toDraft().headerValue()).isEqualTo(" spaced secret ");
    }

    @Test
    void aStoredCalloutFillsTheFormButNeverItsSecret() {
        Callout stored = new Callout(7L, "Datto RMM", "https://rmm.example/close", CalloutMethod.GET, DataFormat.JSON,
                new Authentication(AuthenticationType.BASIC, "psa", null, "s3cret"), "RMM Alert ID",
                new Notification(List.of("noc@msp.example", "oncall@msp.example"), NotifyWhen.ALWAYS), false);

        CalloutForm form = CalloutForm.from(stored);

        assertThat(form.getName()).isEqualTo("Datto RMM");
        assertThat(form.getMethod()).isEqualTo("GET");
        assertThat(form.getFormat()).isEqualTo("JSON");
        assertThat(form.getAuthenticationType()).isEqualTo("BASIC");
        assertThat(form.getUsername()).isEqualTo("psa");
        assertThat(form.getPassword()).isNull();
        assertThat(form.secretStoredFor("BASIC")).isTrue();
        assertThat(form.secretStoredFor("BEARER")).isFalse();
        assertThat(form.getRecipients()).isEqualTo("noc@msp.example\noncall@msp.example");
        assertThat(form.getNotifyWhen()).isEqualTo("ALWAYS");
        assertThat(form.isActive()).isFalse();
    }

    @Test
    void anUnknownTabFallsBackToGeneral() {
        CalloutForm form = new CalloutForm();
        form.setTab("<script>");
        assertThat(form.getTab()).isEqualTo("general");
        form.setTab("notification");
        assertThat(form.getTab()).isEqualTo("notification");
    }
}
