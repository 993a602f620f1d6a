package com.extensioncallouts.web;

import java.security.Principal;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.extensioncallouts.callout.Callout;
import com.extensioncallouts.callout.CalloutService;
import com.extensioncallouts.delivery.Resends;
import com.extensioncallouts.journal.AttemptLog;
import com.extensioncallouts.journal.Deliveries;
import com.extensioncallouts.journal.Delivery;
import com.extensioncallouts.journal.DeliveryState;
import com.extensioncallouts.problem.ConflictException;
import com.extensioncallouts.problem.NotFoundException;

/**
 * A callout's Deliveries view: every trigger, newest first, each with its attempts in full (rendered here, so
 * the page needs neither JavaScript nor the API's HTTP Basic to show them), and Resend. {@code open=id}
 * expands one delivery (Cockpit links to it); recovery is {@link RecoveryPageController}'s.
 */
@Controller
@RequestMapping("/callouts/{id}/deliveries")
class DeliveriesPageController {

    static final String VIEW = "callouts/deliveries";
    static final String HIGHLIGHT = "highlightDeliveryId";

    private final CalloutService callouts;
    private final Deliveries deliveries;
    private final AttemptLog attempts;
    private final Resends resends;

    DeliveriesPageController(CalloutService callouts, Deliveries deliveries, AttemptLog attempts, Resends resends) {
        this.callouts = callouts;
        this.deliveries = deliveries;
        this.attempts = attempts;
        this.resends = resends;
    }

    @GetMapping
    String view(@PathVariable long id, @RequestParam(required = false) String state,
            @RequestParam(required = false) String since, @RequestParam(required = false) String until,
            @RequestParam(required = false) String page, @RequestParam(required = false) String open, Model model) {
        Callout callout = callouts.get(id);
        DeliveryFilter filter = DeliveryFilter.parse(state, since, until, page);
        Long openId = number(open);
        Optional<Delivery> linked = openId == null ? Optional.empty() : deliveries.byId(openId);
        if (linked.isPresent() && linked.get().calloutId() != null && linked.get().calloutId() != id) {
            return "redirect:/callouts/" + linked.get().calloutId() + "/deliveries?open=" + openId;
        }
        if (open != null && !open.isBlank() && linked.isEmpty() && !model.containsAttribute(Notice.ATTRIBUTE)) {
            model.addAttribute(Notice.ATTRIBUTE, Notice.error("Delivery " + open.strip() + " does not exist (any "
                    + "more): deliveries are removed when their retention period ends.", List.of()));
        }
        model.addAttribute("callout", callout);
        model.addAttribute("filter", filter);
        model.addAttribute("states", DeliveryState.values());
        model.addAttribute("items", List.of());
        model.addAttribute("total", 0L);
        RecoveryPageController.addDefaultWindow(model);
        if (filter.isValid()) {
            int pageIndex = filter.pageIndex() != null ? filter.pageIndex()
                    : linked.map(d -> pageOf(id, d, filter)).orElse(0);
            list(callout, filter, pageIndex, linked, model);
        }
        return VIEW;
    }

    private void list(Callout callout, DeliveryFilter filter, int pageIndex, Optional<Delivery> linked, Model model) {
        UtcWindow window = filter.window();
        Deliveries.Page found = deliveries.page(callout.id(), filter.wantedState(), window.since(), window.until(),
                pageIndex, DeliveryFilter.PAGE_SIZE);
        Long openId = linked.map(Delivery::id).orElse(null);
        List<DeliveryItem> items = found.content().stream()
                .map(d -> DeliveryItem.of(d, attempts.attemptsOf(d.processInstanceId()), d.id().equals(openId)))
                .toList();
        boolean linkedListed = items.stream().anyMatch(DeliveryItem::open);
        if (linked.isPresent() && !linkedListed) {
            Delivery d = linked.get();
            model.addAttribute("linked", DeliveryItem.of(d, attempts.attemptsOf(d.processInstanceId()), true));
        }
        long total = found.totalElements();
        int pageCount = (int) Math.max(1, (total + DeliveryFilter.PAGE_SIZE - 1) / DeliveryFilter.PAGE_SIZE);
        int from = pageIndex * DeliveryFilter.PAGE_SIZE + 1;
        model.addAttribute("items", items);
        model.addAttribute("total", total);
        model.addAttribute("countText", countText(total, from, items.size()));
        model.addAttribute("pageNumber", pageIndex + 1);
        model.addAttribute("pageCount", pageCount);
        model.addAttribute("prevUrl", pageIndex > 0 ? filter.link(callout.id(), Math.min(pageIndex, pageCount) - 1)
                : null);
        model.addAttribute("nextUrl", pageIndex + 1 < pageCount ? filter.link(callout.id(), pageIndex + 1) : null);
        model.addAttribute("firstUrl", filter.link(callout.id(), 0));
    }

    /** "Showing 21–23 of 23 deliveries", for the live region above the list. */
    static String countText(long total, int from, int shown) {
        if (total == 0) {
            return "No deliveries match these filters";
        }
        String all = total == 1 ? "1 delivery" : total + " deliveries";
        if (shown == 0) {
            return all + ", none on this page";
        }
        int to = from + shown - 1;
        return "Showing " + (from == to ? String.valueOf(from) : from + "–" + to) + " of " + all;
    }

    /**
     * The page a linked delivery is on: as many deliveries as were created at or after it come before it
     * (newest first). Should that be off by one (two created at the same instant), the view shows the linked
     * delivery above the list instead.
     */
    private int pageOf(long calloutId, Delivery d, DeliveryFilter filter) {
        long atOrAfter = deliveries.page(calloutId, filter.wantedState(), d.createdAt(), filter.window().until(), 0, 1)
                .totalElements();
        return (int) (Math.max(0, atOrAfter - 1) / DeliveryFilter.PAGE_SIZE);
    }

    @PostMapping("/{deliveryId}/resend")
    String resend(@PathVariable long id, @PathVariable long deliveryId, Principal user, RedirectAttributes redirect) {
        try {
            Delivery created = resends.resend(deliveryId);
            WebLog.resent(user.getName(), deliveryId, created.id(), created.calloutName());
            redirect.addFlashAttribute(Notice.ATTRIBUTE, Notice.success("Delivery " + created.id() + " created: "
                    + "ticket " + (created.ticketNumber() == null ? "(no number)" : created.ticketNumber())
                    + " is being sent again, as a resend of delivery " + deliveryId + "."));
            redirect.addFlashAttribute(HIGHLIGHT, created.id());
            return "redirect:/callouts/" + (created.calloutId() == null ? id : created.calloutId()) + "/deliveries";
        } catch (ConflictException | NotFoundException e) {
            WebLog.resendRefused(user.getName(), deliveryId, e.getMessage());
            redirect.addFlashAttribute(Notice.ATTRIBUTE, Notice.error(e.getMessage(), List.of()));
            return "redirect:/callouts/" + id + "/deliveries"
                    + (e instanceof NotFoundException ? "" : "?open=" + deliveryId);
        }
    }

    private static Long number(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
