package com.extensioncallouts.web;

import java.security.Principal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.extensioncallouts.callout.Callout;
import com.extensioncallouts.callout.CalloutService;
import com.extensioncallouts.signing.SigningSecrets;

/**
 * Generate, rotate and remove a callout's signing secret from its form, as {@code /api/callouts/{id}/signing-secret}
 * does. A new secret goes to the edit page as a flash attribute, so it is shown there once and a reload shows
 * it no more.
 */
@Controller
@RequestMapping("/callouts/{id}/signing-secret")
class SigningPageController {

    private final CalloutService callouts;
    private final SigningSecrets secrets;

    SigningPageController(CalloutService callouts, SigningSecrets secrets) {
        this.callouts = callouts;
        this.secrets = secrets;
    }

    @PostMapping
    String generate(@PathVariable long id, Principal user, RedirectAttributes redirect) {
        Callout callout = callouts.get(id);
        boolean rotated = secrets.state(id).isPresent();
        String secret = secrets.generate(id);
        WebLog.signingSecretGenerated(user.getName(), id, callout.name(), rotated);
        redirect.addFlashAttribute(NewSigningSecret.ATTRIBUTE, new NewSigningSecret(secret, rotated));
        return editPage(id);
    }

    @PostMapping("/remove")
    String remove(@PathVariable long id, Principal user, RedirectAttributes redirect) {
        Callout callout = callouts.get(id);
        if (secrets.remove(id)) {
            WebLog.signingRemoved(user.getName(), id, callout.name());
        }
        redirect.addFlashAttribute(Notice.ATTRIBUTE,
                Notice.success("Signing removed: " + callout.name() + " sends its requests unsigned from now on."));
        return editPage(id);
    }

    private static String editPage(long id) {
        return "redirect:/callouts/" + id + "/edit#signing";
    }
}
