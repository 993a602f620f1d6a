package com.extensioncallouts.web;

import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.extensioncallouts.callout.Callout;
import com.extensioncallouts.callout.CalloutService;
import com.extensioncallouts.delivery.Recoveries;
import com.extensioncallouts.problem.ConflictException;
import com.extensioncallouts.problem.NotFoundException;

/**
 * "Recover…" on the Deliveries view: a time window, then a confirmation naming how many deliveries will be sent,
 * then the recovery. The view's dialog asks {@code recoverable} for the count; without JavaScript the same
 * steps are the page {@code recover}.
 */
@Controller
@RequestMapping("/callouts/{id}/deliveries")
class RecoveryPageController {

    static final String VIEW = "callouts/recover";

    private final CalloutService callouts;
    private final Recoveries recoveries;

    RecoveryPageController(CalloutService callouts, Recoveries recoveries) {
        this.callouts = callouts;
        this.recoveries = recoveries;
    }

    /** The window the inputs start with: the last 24 hours, up to the next whole minute. */
    static void addDefaultWindow(Model model) {
        Instant until = Instant.now().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
        model.addAttribute("recoverSince", UtcTimes.input(until.minus(Duration.ofDays(1))));
        model.addAttribute("recoverUntil", UtcTimes.input(until));
    }

    /** The steps as a page of their own (no JavaScript): the window, then, once given, the count to confirm. */
    @GetMapping("/recover")
    String page(@PathVariable long id, @RequestParam(required = false) String since,
            @RequestParam(required = false) String until, Model model) {
        Callout callout = callouts.get(id);
        model.addAttribute("callout", callout);
        addDefaultWindow(model);
        if (since == null && until == null) {
            return VIEW;
        }
        UtcWindow window = UtcWindow.parse(since, until, true);
        model.addAttribute("window", window);
        model.addAttribute("recoverSince", window.sinceInput());
        model.addAttribute("recoverUntil", window.untilInput());
        if (window.valid()) {
            int count = recoveries.recoverable(id, window.since(), window.until());
            model.addAttribute("count", count);
            model.addAttribute("confirmation", confirmation(count, callout, window));
        }
        return VIEW;
    }

    /** For the dialog: {@code {"count", "message"}}, or 400 {@code {"errors": {"since"|"until": message}}}. */
    @GetMapping(path = "/recoverable", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<Map<String, Object>> recoverable(@PathVariable long id,
            @RequestParam(required = false) String since, @RequestParam(required = false) String until) {
        UtcWindow window = UtcWindow.parse(since, until, true);
        if (!window.valid()) {
            return ResponseEntity.badRequest().body(Map.of("errors", window.errors()));
        }
        try {
            Callout callout = callouts.get(id);
            int count = recoveries.recoverable(id, window.since(), window.until());
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("count", count);
            answer.put("message", confirmation(count, callout, window));
            return ResponseEntity.ok(answer);
        } catch (NotFoundException e) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .body(Map.of("message", "That callout does not exist (any more)."));
        }
    }

    @PostMapping("/recover")
    String recover(@PathVariable long id, @RequestParam(required = false) String since,
            @RequestParam(required = false) String until, Principal user, RedirectAttributes redirect) {
        Callout callout = callouts.get(id);
        UtcWindow window = UtcWindow.parse(since, until, true);
        if (!window.valid()) {
            redirect.addFlashAttribute(Notice.ATTRIBUTE, Notice.error("Nothing was recovered: the time window is "
                    + "not right.", List.copyOf(window.errors().values())));
            return back(id);
        }
        try {
            Recoveries.Recovery recovery = recoveries.recover(id, window.since(), window.until());
            WebLog.recoveryQueued(user.getName(), id, callout.name(), recovery.queued(), window.described());
            redirect.addFlashAttribute(Notice.ATTRIBUTE, Notice.success(deliveries(recovery.queued())
                    + " queued for recovery" + (recovery.queued() == 0
                            ? ": none of that window failed for good or was skipped while the callout was inactive."
                            : ". They are sent in the background; each appears here as a new delivery.")));
        } catch (ConflictException e) {
            WebLog.recoveryRefused(user.getName(), id, e.getMessage());
            redirect.addFlashAttribute(Notice.ATTRIBUTE, Notice.error(e.getMessage(), List.of()));
        }
        return back(id);
    }

    /** The sentence the confirmation step shows; the same with and without JavaScript. */
    static String confirmation(int count, Callout callout, UtcWindow window) {
        if (count == 0) {
            return "Nothing to recover: no delivery of " + callout.name() + " created " + window.described()
                    + " failed for good or was skipped while the callout was inactive (or a recovery sent it already).";
        }
        return deliveries(count) + " of " + callout.name() + " created " + window.described() + " "
                + (count == 1 ? "failed or was skipped; it" : "failed or were skipped; they")
                + " will be sent again, each as a new delivery.";
    }

    static String deliveries(int count) {
        return count == 1 ? "1 delivery" : count + " deliveries";
    }

    private static String back(long id) {
        return "redirect:/callouts/" + id + "/deliveries";
    }
}
