package com.extensioncallouts.web;

import java.security.Principal;
import java.time.Duration;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.extensioncallouts.callout.Callout;
import com.extensioncallouts.callout.CalloutService;
import com.extensioncallouts.problem.ConflictException;
import com.extensioncallouts.problem.InvalidInputException;
import com.extensioncallouts.signing.SigningProperties;
import com.extensioncallouts.signing.SigningSecrets;

/**
 * The New / Edit form. It converts what was typed into a draft and lets {@link CalloutService}
 * decide; a refusal shows the form again with every message beside its input.
 */
@Controller
@RequestMapping("/callouts")
class CalloutFormController {

    static final String FORM = "callouts/form";
    static final String FORM_ATTRIBUTE = "calloutForm";

    private final CalloutService callouts;
    private final SigningSecrets signing;
    private final Duration rotationOverlap;

    CalloutFormController(CalloutService callouts, SigningSecrets signing, SigningProperties signingProperties) {
        this.callouts = callouts;
        this.signing = signing;
        this.rotationOverlap = signingProperties.rotationOverlap();
    }

    @InitBinder(FORM_ATTRIBUTE)
    void bindOnlyInputs(WebDataBinder binder) {
        binder.setAllowedFields("name", "url", "method", "format", "authenticationType", "username", "password",
                "token", "headerName", "headerValue", "udfName", "recipients", "notifyWhen", "active", "tab",
                "template", "contentType");
    }

    @ModelAttribute("fieldLabels")
    Map<String, String> fieldLabels() {
        return FormErrors.LABELS;
    }

    @GetMapping("/new")
    String newForm(Model model) {
        model.addAttribute(FORM_ATTRIBUTE, new CalloutForm());
        return FORM;
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        model.addAttribute(FORM_ATTRIBUTE, CalloutForm.from(callouts.get(id)));
        model.addAttribute("calloutId", id);
        model.addAttribute(SigningPanel.ATTRIBUTE, SigningPanel.of(signing.state(id), rotationOverlap));
        return FORM;
    }

    @PostMapping
    String create(@ModelAttribute(FORM_ATTRIBUTE) CalloutForm form, BindingResult result, Model model,
            Principal user, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                Callout created = callouts.create(form.toDraft());
                WebLog.created(user.getName(), created.id(), created.name());
                return saved(created, redirect);
            } catch (InvalidInputException e) {
                FormErrors.reject(result, e.errors());
            } catch (ConflictException e) {
                result.rejectValue("name", "conflict", e.getMessage());
            }
        }
        WebLog.saveRefused(user.getName(), null, result.getErrorCount());
        return refused(form, result, model);
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @ModelAttribute(FORM_ATTRIBUTE) CalloutForm form, BindingResult result,
            Model model, Principal user, RedirectAttributes redirect) {
        Callout stored = callouts.get(id);
        model.addAttribute("calloutId", id);
        model.addAttribute(SigningPanel.ATTRIBUTE, SigningPanel.of(signing.state(id), rotationOverlap));
        if (!result.hasErrors()) {
            try {
                Callout updated = callouts.update(id, form.toDraft());
                WebLog.updated(user.getName(), id, updated.name());
                return saved(updated, redirect);
            } catch (InvalidInputException e) {
                FormErrors.reject(result, e.errors());
            } catch (ConflictException e) {
                result.rejectValue("name", "conflict", e.getMessage());
            }
        }
        WebLog.saveRefused(user.getName(), id, result.getErrorCount());
        form.rememberStoredSecret(stored);
        return refused(form, result, model);
    }

    private static String saved(Callout callout, RedirectAttributes redirect) {
        redirect.addFlashAttribute(Notice.ATTRIBUTE, Notice.success("Callout saved: " + callout.name()));
        redirect.addFlashAttribute("highlightId", callout.id());
        return CalloutPageController.LIST;
    }

    private static String refused(CalloutForm form, BindingResult result, Model model) {
        form.setTab(FormErrors.tabToShow(result, form.getTab()));
        model.addAttribute("generalErrorCount", FormErrors.countOn(result, CalloutForm.GENERAL));
        model.addAttribute("notificationErrorCount", FormErrors.countOn(result, CalloutForm.NOTIFICATION));
        return FORM;
    }
}
