package com.extensioncallouts.web;

import java.security.Principal;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.extensioncallouts.CalloutsProperties;
import com.extensioncallouts.callout.Callout;
import com.extensioncallouts.callout.CalloutService;
import com.extensioncallouts.http.AttemptOutcome;
import com.extensioncallouts.delivery.CalloutTester;
import com.extensioncallouts.problem.ConflictException;
import com.extensioncallouts.rule.WorkflowRule;

/**
 * The callouts table and the actions of its row menu. Every action goes through
 * {@link CalloutService}, like the REST API, then redirects back with a message (post-redirect-get).
 */
@Controller
@RequestMapping("/callouts")
class CalloutPageController {

    static final String LIST = "redirect:/callouts";

    private final CalloutService callouts;
    private final ObjectProvider<CalloutTester> tester;
    private final CalloutsProperties properties;

    CalloutPageController(CalloutService callouts, ObjectProvider<CalloutTester> tester,
            CalloutsProperties properties) {
        this.callouts = callouts;
        this.tester = tester;
        this.properties = properties;
    }

    @GetMapping
    String list(Model model) {
        List<Callout> all = callouts.list();
        Map<Long, List<WorkflowRule>> rules = callouts.workflowRulesCalling(all);
        List<CalloutListItem> items = all.stream().map(c -> CalloutListItem.of(c, rules.get(c.id()))).toList();
        model.addAttribute("callouts", items);
        model.addAttribute("retry", properties.retry());
        return "callouts/list";
    }

    @PostMapping("/{id}/activate")
    String activate(@PathVariable long id, Principal user, RedirectAttributes redirect) {
        return setActive(id, true, user, redirect);
    }

    @PostMapping("/{id}/deactivate")
    String deactivate(@PathVariable long id, Principal user, RedirectAttributes redirect) {
        return setActive(id, false, user, redirect);
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id, Principal user, RedirectAttributes redirect) {
        Callout callout = callouts.get(id);
        try {
            callouts.delete(id);
        } catch (ConflictException e) {
            WebLog.deleteRefused(user.getName(), id, e.getMessage());
            redirect.addFlashAttribute(Notice.ATTRIBUTE, refusal(callout, e));
            redirect.addFlashAttribute("highlightId", id);
            return LIST;
        }
        WebLog.deleted(user.getName(), id, callout.name());
        redirect.addFlashAttribute(Notice.ATTRIBUTE, Notice.success("Callout deleted: " + callout.name()));
        return LIST;
    }

    @PostMapping("/{id}/test")
    String sendTest(@PathVariable long id, Principal user, RedirectAttributes redirect) {
        Callout callout = callouts.get(id);
        CalloutTester available = tester.getIfAvailable();
        if (available == null) {
            WebLog.testUnavailable(user.getName(), id);
            redirect.addFlashAttribute(Notice.ATTRIBUTE,
                    Notice.error("Send test is not available: this installation has no callout tester.", List.of()));
            return LIST;
        }
        AttemptOutcome outcome = available.sendTest(callout);
        WebLog.tested(user.getName(), id, callout.name(), outcome);
        redirect.addFlashAttribute(TestResult.ATTRIBUTE, TestResult.of(callout.name(), outcome));
        redirect.addFlashAttribute("highlightId", id);
        return LIST;
    }

    private String setActive(long id, boolean active, Principal user, RedirectAttributes redirect) {
        Callout callout = callouts.setActive(id, active);
        WebLog.activeChanged(user.getName(), id, callout.name(), active);
        redirect.addFlashAttribute(Notice.ATTRIBUTE,
                Notice.success((active ? "Callout activated: " : "Callout deactivated: ") + callout.name()));
        redirect.addFlashAttribute("highlightId", id);
        return LIST;
    }

    /** The service says why; the page adds the names of the rules, one per line, so they can be found. */
    private static Notice refusal(Callout callout, ConflictException e) {
        if (e.workflowRules().isEmpty()) {
            return Notice.error(e.getMessage(), List.of());
        }
        return Notice.error("Callout not deleted: " + callout.name() + " is still executed by "
                + (e.workflowRules().size() == 1 ? "this workflow rule" : "these workflow rules")
                + ". Remove it from them first.", e.workflowRules());
    }
}
