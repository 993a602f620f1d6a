package com.extensioncallouts.web;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The way in: the login form (Spring Security checks it against Camunda's users) and the start page. */
@Controller
class LoginController {

    @GetMapping("/")
    String home() {
        return "redirect:/callouts";
    }

    @GetMapping("/login")
    String login(Authentication authentication) {
        boolean signedIn = authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
        return signedIn ? "redirect:/callouts" : "login";
    }
}
